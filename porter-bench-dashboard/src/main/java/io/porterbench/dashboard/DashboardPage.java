package io.porterbench.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The dashboard's HTML page, pointing at the Chart.js build of the webjar on the
 * classpath, whatever its version.
 */
public final class DashboardPage {

	/** Where the page, its script and its style sheet live on the classpath. */
	public static final String ASSETS = "META-INF/porterbench/dashboard/";

	static final String CHART_JS_WEBJAR = "META-INF/resources/webjars/chart.js/";

	private static final String CHART_JS_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

	private static final String FALLBACK_CHART_JS_VERSION = "4.5.1";

	private final String html;

	/** Reads the page template and resolves the Chart.js version once. */
	public DashboardPage() {
		String template = read(ASSETS + "index.html");
		this.html = template.replace("@CHART_JS@", "webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.min.js");
	}

	/**
	 * The version of the Chart.js webjar on the classpath.
	 * @return the version, or the one this module was built with when the webjar says
	 * none
	 */
	static String chartJsVersion() {
		ClassPathResource pom = new ClassPathResource(CHART_JS_POM);
		if (pom.exists()) {
			try (InputStream in = pom.getInputStream()) {
				Properties properties = new Properties();
				properties.load(in);
				return properties.getProperty("version", FALLBACK_CHART_JS_VERSION);
			}
			catch (IOException ex) {
				return FALLBACK_CHART_JS_VERSION;
			}
		}
		return FALLBACK_CHART_JS_VERSION;
	}

	/**
	 * The page's HTML.
	 * @return the page
	 */
	public String html() {
		return this.html;
	}

	ServerResponse render(ServerRequest request) {
		return ServerResponse.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(this.html);
	}

	private static String read(String location) {
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The dashboard page " + location + " is missing from the classpath", ex);
		}
	}

}
