package io.porterbench.boot.aop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

import io.porterbench.BenchDict;
import io.porterbench.Benchmarker;
import io.porterbench.annotation.BenchIteration;
import io.porterbench.annotation.BenchStep;
import io.porterbench.internal.Names;
import org.jspecify.annotations.Nullable;

/**
 * What the aspect needs to know about an annotated method, resolved once so that a call does no reflection and builds
 * no strings.
 *
 * @param source the annotation this was resolved from
 * @param topic the step's topic; for an iteration, the method name (the topic of its asynchronous completion)
 * @param bench the benchmarker named by the annotation, or {@code null} when the calling thread decides
 * @param returnsStage whether the method is declared to return a {@link CompletionStage}
 */
record BenchMethod(Annotation source, String topic, @Nullable Benchmarker bench, boolean returnsStage) {

	static BenchMethod step(Method method, BenchStep annotation, boolean typeLevel, BenchDict benchDict) {
		String topic = (typeLevel || annotation.value().isEmpty()) ? method.getName() : annotation.value();
		Names.validateTopic(topic);
		Benchmarker bench = annotation.bench().isEmpty() ? null : benchDict.get(annotation.bench());
		return new BenchMethod(annotation, topic, bench, returnsStage(method));
	}

	static BenchMethod iteration(Method method, BenchIteration annotation, BenchDict benchDict) {
		return new BenchMethod(annotation, method.getName(), benchDict.get(annotation.value()), returnsStage(method));
	}

	private static boolean returnsStage(Method method) {
		return CompletionStage.class.isAssignableFrom(method.getReturnType());
	}

}
