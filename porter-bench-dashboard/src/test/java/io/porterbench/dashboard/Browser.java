package io.porterbench.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver; Selenium
 * Manager is never asked to download anything, because both the driver and the browser
 * binary are given.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Paths.get(System.getProperty("porterbench.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Paths.get(System.getProperty("porterbench.chromedriver", "/usr/bin/chromedriver"));

	private static final String COLOURED_PIXELS = """
			const canvas = document.getElementById(arguments[0]);
			if (!canvas || canvas.width === 0 || canvas.height === 0) { return -1; }
			const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
			let count = 0;
			for (let i = 0; i < data.length; i += 4) {
				const max = Math.max(data[i], data[i + 1], data[i + 2]);
				const min = Math.min(data[i], data[i + 1], data[i + 2]);
				if (data[i + 3] > 0 && max - min > 80) { count++; }
			}
			return count;""";

	private static final int WIDTH = 1400;

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts Chromium, or skips the test where it is not installed.
	 * @return the browser
	 */
	static Browser start() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests skipped: Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
						+ "); install it with: apt-get install chromium chromium-driver");
		try {
			Path profile = Files.createTempDirectory("porterbench-chromium");
			System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",1250",
					"--hide-scrollbars");
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			return new Browser(new ChromeDriver(service, options), profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void open(String url) {
		this.driver.get(url);
	}

	/**
	 * Waits until a view of the page has finished drawing.
	 * @param view run, compare or live
	 * @param timeout the longest wait
	 */
	void awaitReady(String view, Duration timeout) {
		String attribute = "data-" + view + "-state";
		new WebDriverWait(this.driver, timeout).until((d) -> {
			String value = d.findElement(By.tagName("body")).getAttribute(attribute);
			if ("error".equals(value)) {
				throw new AssertionError(view + " view failed: " + d.findElement(By.tagName("body")).getText());
			}
			return "ready".equals(value);
		});
	}

	void awaitText(By locator, String text, Duration timeout) {
		new WebDriverWait(this.driver, timeout)
			.until((d) -> d.findElements(locator).stream().anyMatch((e) -> e.getText().contains(text)));
	}

	/**
	 * Counts the saturated pixels of a canvas: drawn lines and bars, not the background,
	 * grey axes or text.
	 * @param canvasId the canvas
	 * @return the count, -1 for a missing or zero-sized canvas
	 */
	long colouredPixels(String canvasId) {
		return ((Number) script(COLOURED_PIXELS, canvasId)).longValue();
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	WebElement find(By locator) {
		return this.driver.findElement(locator);
	}

	List<WebElement> findAll(By locator) {
		return this.driver.findElements(locator);
	}

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * The console errors since the last call.
	 * @return the SEVERE entries of the browser log
	 */
	List<LogEntry> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
	}

	/**
	 * Saves a screenshot of the whole page: the window is made as tall as the page first.
	 * @param file where to save it
	 * @return the file
	 */
	Path screenshot(Path file) {
		int height = ((Number) script("return document.documentElement.scrollHeight;")).intValue();
		this.driver.manage().window().setSize(new Dimension(WIDTH, Math.max(height, 600)));
		try {
			File shot = this.driver.getScreenshotAs(OutputType.FILE);
			Files.createDirectories(file.getParent());
			return Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary profile is harmless.
		}
	}

}
