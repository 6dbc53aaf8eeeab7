package io.porterbench.demo.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draws the dashboard's panels from Prometheus range queries with Chart.js (from the
 * dashboard's webjar) in a small page, and screenshots it with headless Chromium: a
 * picture of what the Grafana dashboard shows, where no Grafana runs.
 */
final class PanelImage {

	/** Chromium, as the dashboard's browser tests start it. */
	static final Path CHROMIUM = Path.of(System.getProperty("porterbench.chromium", "/usr/bin/chromium"));

	private static final String CHART_JS = "META-INF/resources/webjars/chart.js/%s/dist/chart.umd.min.js";

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	private static final int WIDTH = 1500;

	private static final int PANEL_HEIGHT = 260;

	private static final int COLUMNS = 3;

	private final List<Map<String, Object>> panels = new ArrayList<>();

	/**
	 * Adds a panel.
	 * @param title its title
	 * @param unit its Grafana unit ({@code s}, {@code bytes}, {@code percentunit}, ...)
	 * @param results one {@code query_range} result array per query of the panel
	 * @param legends the legend format of each query, Grafana's {@code {{label}}} syntax
	 */
	void add(String title, String unit, List<JsonNode> results, List<String> legends) {
		List<Map<String, Object>> series = new ArrayList<>();
		for (int q = 0; q < results.size(); q++) {
			for (JsonNode matrix : results.get(q).values()) {
				List<Object> points = new ArrayList<>();
				for (JsonNode point : matrix.path("values").values()) {
					double value = PrometheusServer.number(point.get(1).asString());
					points.add(Map.of("x", CLOCK.format(Instant.ofEpochSecond(point.get(0).asLong())), "y",
							Double.isFinite(value) ? value : 0));
				}
				series.add(Map.of("label", legend(legends.get(q), matrix.path("metric")), "data", points));
			}
		}
		this.panels.add(Map.of("title", title, "unit", unit, "series", series));
	}

	int size() {
		return this.panels.size();
	}

	private static String legend(String format, JsonNode labels) {
		String legend = format;
		for (String name : labels.propertyNames()) {
			legend = legend.replace("{{" + name + "}}", labels.path(name).asString());
		}
		return legend.replaceAll("\\{\\{\\w+}}", "").strip();
	}

	/**
	 * Writes the page and its screenshot.
	 * @param folder where the page and Chart.js go
	 * @param png the screenshot
	 * @return the number of charts the page drew, as it reports in its DOM
	 * @throws IOException when a file cannot be written or Chromium fails
	 * @throws InterruptedException when interrupted while Chromium runs
	 */
	int render(Path folder, Path png) throws IOException, InterruptedException {
		Files.createDirectories(folder);
		Files.createDirectories(png.toAbsolutePath().getParent());
		try (InputStream chartJs = resource(String.format(CHART_JS, chartJsVersion()))) {
			Files.copy(chartJs, folder.resolve("chart.umd.min.js"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		Path page = folder.resolve("panels.html");
		Files.writeString(page, html(JsonMapper.builder().build().writeValueAsString(this.panels)),
				StandardCharsets.UTF_8);
		int rows = (this.panels.size() + COLUMNS - 1) / COLUMNS;
		int height = 60 + rows * (PANEL_HEIGHT + 20);
		chromium(folder, "--window-size=" + WIDTH + "," + height, "--screenshot=" + png.toAbsolutePath(),
				page.toUri().toString());
		String dom = chromium(folder, "--dump-dom", page.toUri().toString());
		java.util.regex.Matcher drawn = java.util.regex.Pattern.compile("data-drawn=\"(\\d+)\"").matcher(dom);
		return drawn.find() ? Integer.parseInt(drawn.group(1)) : 0;
	}

	private static String chromium(Path folder, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--hide-scrollbars",
				"--user-data-dir=" + folder.resolve("profile"), "--virtual-time-budget=5000"));
		command.addAll(List.of(arguments));
		Path output = folder.resolve("chromium-output.txt");
		Process process = new ProcessBuilder(command).redirectErrorStream(false)
			.redirectError(folder.resolve("chromium-errors.txt").toFile())
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new IOException("Chromium did not finish drawing the panels within 2 minutes");
		}
		if (process.exitValue() != 0) {
			throw new IOException("Chromium failed (" + process.exitValue() + "): "
					+ Files.readString(folder.resolve("chromium-errors.txt")));
		}
		return Files.readString(output);
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = PanelImage.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IOException("No " + name + " on the class path (the dashboard's Chart.js webjar)");
		}
		return in;
	}

	private static String chartJsVersion() throws IOException {
		try (InputStream in = resource("META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
	}

	private static String html(String panelsJson) {
		return """
				<!DOCTYPE html>
				<html><head><meta charset="utf-8"><title>porter-bench panels</title>
				<style>
				body { font: 13px sans-serif; margin: 10px; background: #181b1f; color: #ccccdc; }
				h1 { font-size: 16px; margin: 4px 0 10px; }
				#grid { display: grid; grid-template-columns: repeat(%d, 1fr); gap: 10px; }
				.panel { background: #22252b; border: 1px solid #2f3238; border-radius: 3px; padding: 6px; height: %dpx; }
				.panel h2 { font-size: 13px; margin: 0 0 4px; font-weight: 500; }
				.panel div { position: relative; height: calc(100%% - 22px); }
				</style>
				<script src="chart.umd.min.js"></script></head>
				<body><h1>porter-bench (docs/grafana/porter-bench.json): two demo instances scraped by Prometheus</h1>
				<div id="grid"></div>
				<script>
				const panels = %s;
				const colours = ['#73bf69', '#f2cc0c', '#8ab8ff', '#ff780a', '#f2495c', '#5794f2', '#b877d9', '#fade2a',
				  '#37872d', '#1f60c4', '#c4162a', '#fa6400'];
				const format = (unit, v) => unit === 's' ? (v >= 1 ? v.toFixed(2) + ' s' : (v * 1000).toPrecision(3) + ' ms')
				  : unit === 'bytes' ? (v / 1048576).toFixed(0) + ' MiB'
				  : unit === 'percentunit' ? (v * 100).toFixed(0) + ' %%'
				  : unit === 'ops' ? v.toPrecision(3) + '/s' : String(Math.round(v * 100) / 100);
				Chart.defaults.color = '#ccccdc';
				Chart.defaults.borderColor = '#2f3238';
				let drawn = 0;
				for (const panel of panels) {
				  const box = document.createElement('div');
				  box.className = 'panel';
				  box.innerHTML = '<h2></h2><div><canvas></canvas></div>';
				  box.querySelector('h2').textContent = panel.title;
				  document.getElementById('grid').appendChild(box);
				  const labels = [...new Set(panel.series.flatMap(s => s.data.map(p => p.x)))].sort();
				  new Chart(box.querySelector('canvas'), {
				    type: 'line',
				    data: { labels, datasets: panel.series.map((s, i) => ({ label: s.label, data: s.data,
				      borderColor: colours[i %% colours.length], backgroundColor: colours[i %% colours.length],
				      pointRadius: 0, borderWidth: 1.5, fill: false })) },
				    options: { animation: false, responsive: true, maintainAspectRatio: false, devicePixelRatio: 1,
				      plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, font: { size: 10 } } } },
				      scales: { x: { ticks: { maxTicksLimit: 6, font: { size: 10 } } },
				        y: { beginAtZero: true,
				          ticks: { font: { size: 10 }, callback: v => format(panel.unit, v) } } } }
				  });
				  drawn++;
				}
				document.body.setAttribute('data-drawn', String(drawn));
				</script></body></html>
				"""
			.formatted(COLUMNS, PANEL_HEIGHT, panelsJson);
	}

}
