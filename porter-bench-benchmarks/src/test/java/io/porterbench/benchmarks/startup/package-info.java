/**
 * What porter-bench adds to a Spring Boot application's startup:
 * {@link io.porterbench.benchmarks.startup.StartupCheck} starts the same web application
 * in fresh JVMs with and without porter-bench on the class path.
 */
package io.porterbench.benchmarks.startup;
