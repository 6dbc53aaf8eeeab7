/**
 * Checks of the repository's documentation: its links and anchors resolve.
 */
package io.porterbench.demo.docs;
