package io.porterbench.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records the duration of the annotated method as one step of a benchmarker. On a type,
 * every public method is a step whose topic is the method name.
 *
 * <p>
 * The benchmarker is {@link #bench()} when set; otherwise the one whose iteration is open
 * on the calling thread; otherwise the configured default benchmarker. The method's
 * exceptions propagate unchanged and the step is still recorded; a
 * {@code CompletionStage} result is timed until it completes. Applied by the Spring Boot
 * starter's aspect.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface BenchStep {

	/**
	 * The step's topic; empty means the method name.
	 * @return the topic
	 */
	String value() default "";

	/**
	 * The benchmarker's name; empty means the iteration open on this thread, else the
	 * default benchmarker.
	 * @return the benchmarker's name
	 */
	String bench() default "";

}
