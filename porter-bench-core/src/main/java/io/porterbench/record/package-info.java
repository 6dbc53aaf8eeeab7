/**
 * The run files on disk: their names, writing them atomically, and loading saved runs
 * (ours and the Python original's).
 */
package io.porterbench.record;
