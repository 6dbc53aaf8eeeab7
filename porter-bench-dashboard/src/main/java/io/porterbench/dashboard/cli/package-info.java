/**
 * The command line tool of the executable jar: {@code serve}, {@code plots},
 * {@code summary} and {@code diff}.
 */
package io.porterbench.dashboard.cli;
