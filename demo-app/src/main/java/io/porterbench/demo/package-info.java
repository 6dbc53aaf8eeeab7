/**
 * The porter-bench demo application: a Spring Boot shop instrumented by the starter, with
 * the dashboard embedded.
 */
package io.porterbench.demo;
