/**
 * Implementation details of the core; not API, may change at any time.
 */
package io.porterbench.internal;
