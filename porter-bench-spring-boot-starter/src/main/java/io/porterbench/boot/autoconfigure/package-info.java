/**
 * Auto-configuration of the porter-bench {@link io.porterbench.BenchDict} from
 * {@code porterbench.*} properties.
 */
@NullMarked
package io.porterbench.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
