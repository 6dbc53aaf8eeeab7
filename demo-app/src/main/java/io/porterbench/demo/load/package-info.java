/**
 * The built-in load generator: orders posted to the application itself so that every
 * chart has data at once.
 */
package io.porterbench.demo.load;
