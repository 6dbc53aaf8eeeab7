/**
 * The comparison of runs with regression verdicts: a Mann-Whitney U test on the
 * per-iteration step times plus a minimum effect size, against one run or a pooled
 * baseline, and its reports (text, markdown, JSON, JUnit XML). The CLI's {@code diff} and
 * the dashboard's compare view both use it; it needs neither Spring nor the command line.
 */
package io.porterbench.dashboard.compare;
