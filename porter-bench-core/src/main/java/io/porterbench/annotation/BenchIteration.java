package io.porterbench.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes each call of the annotated method one iteration of the named benchmarker: gstep
 * before, gstop after. The {@link BenchStep} methods it calls become the iteration's
 * steps. A nested call on the same benchmarker joins the outer iteration. Applied by the
 * Spring Boot starter's aspect.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BenchIteration {

	/**
	 * The benchmarker's name.
	 * @return the name
	 */
	String value();

}
