/**
 * Merging saved runs of several instances or workers into one run with exact summaries.
 */
package io.porterbench.merge;
