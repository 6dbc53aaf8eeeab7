package io.porterbench.dashboard;

import java.time.LocalDateTime;

/**
 * A run folder found under the root.
 *
 * @param name the folder's name, the run's only identifier in the API
 * @param time when the run started, as its folder name says, or {@code null} for a folder
 * named otherwise
 */
public record RunEntry(String name, LocalDateTime time) {
}
