/**
 * Reactive steps and iterations: {@link io.porterbench.annotation.BenchStep} and
 * {@link io.porterbench.annotation.BenchIteration} methods returning a Reactor
 * {@code Mono} or {@code Flux}, timed per subscription, with the open iteration carried
 * in the Reactor {@code Context}.
 */
@NullMarked
package io.porterbench.boot.reactive;

import org.jspecify.annotations.NullMarked;
