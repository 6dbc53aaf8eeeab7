/**
 * The write side of the run files (the SUMMARY, DATA and MEMORY files in the original's
 * format); not API, may change at any time. The read side is the public
 * {@code io.porterbench.record} package.
 */
package io.porterbench.internal.format;
