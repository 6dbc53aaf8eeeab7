/**
 * Annotations that mark methods as steps and iterations; applied by the Spring Boot
 * starter, no Spring import needed.
 */
package io.porterbench.annotation;
