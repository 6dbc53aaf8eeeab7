/**
 * The {@code porterbench} actuator endpoint: summaries, save and reset.
 */
@NullMarked
package io.porterbench.boot.actuate;

import org.jspecify.annotations.NullMarked;
