/**
 * The opt-in {@code Server-Timing} response header, with the steps of the request's
 * iteration.
 */
@NullMarked
package io.porterbench.boot.web;

import org.jspecify.annotations.NullMarked;
