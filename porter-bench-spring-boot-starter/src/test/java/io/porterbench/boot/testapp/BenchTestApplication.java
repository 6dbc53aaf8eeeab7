package io.porterbench.boot.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small web application that uses the starter only through auto-configuration, for the
 * integration tests.
 */
@SpringBootApplication
public class BenchTestApplication {

}
