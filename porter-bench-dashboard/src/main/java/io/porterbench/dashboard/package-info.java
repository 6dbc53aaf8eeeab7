/**
 * The porter-bench dashboard: the catalog of saved runs under a root, run comparison, the
 * read-only JSON API, the page, and their auto-configuration for servlet Spring Boot
 * applications.
 */
package io.porterbench.dashboard;
