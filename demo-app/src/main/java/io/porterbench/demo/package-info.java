/**
 * The porter-bench demo application: a Spring Boot shop instrumented by the starter, with
 * the dashboard embedded (turned on in application.yml).
 */
package io.porterbench.demo;
