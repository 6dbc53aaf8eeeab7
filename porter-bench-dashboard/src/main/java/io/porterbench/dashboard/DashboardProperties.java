package io.porterbench.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the porter-bench dashboard. The folder of saved runs is
 * {@code porterbench.root}, shared with the starter.
 */
@ConfigurationProperties("porterbench.dashboard")
public class DashboardProperties {

	/**
	 * Whether to serve the dashboard and its JSON API. Off by default: the page shows
	 * every saved run to anyone who can reach the application, so turning it on is a
	 * choice, best made together with access rules for its path.
	 */
	private boolean enabled;

	/**
	 * Path under which the dashboard page and its API are served.
	 */
	private String path = "/porterbench";

	/**
	 * Most points per chart line sent to the page; longer lines are downsampled on the
	 * server.
	 */
	private int maxPoints = 2000;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public int getMaxPoints() {
		return this.maxPoints;
	}

	public void setMaxPoints(int maxPoints) {
		this.maxPoints = maxPoints;
	}

	/**
	 * The path with one leading slash and no trailing slash.
	 * @return the normalized path, for example {@code /porterbench}
	 * @throws IllegalArgumentException if the path is empty or only {@code /}
	 */
	public String normalizedPath() {
		String trimmed = (this.path != null) ? this.path.trim() : "";
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (trimmed.isEmpty() || trimmed.contains("*") || trimmed.contains("{") || trimmed.contains("..")) {
			throw new IllegalArgumentException("porterbench.dashboard.path must be a plain path such as /porterbench,"
					+ " was '" + this.path + "'");
		}
		return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
	}

}
