package io.porterbench.dashboard.plot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks of written PNG plots, shared with the command line tests.
 */
public final class PlotWriterAssertions {

	private PlotWriterAssertions() {
	}

	/**
	 * Asserts that a PNG file reads back at the expected size and shows a drawing, not a
	 * blank page.
	 * @param file the file
	 * @param size the expected size
	 * @throws IOException if it cannot be read
	 */
	public static void assertPlot(Path file, PlotSize size) throws IOException {
		PlotWriterTests.assertPlot(file, size);
	}

}
