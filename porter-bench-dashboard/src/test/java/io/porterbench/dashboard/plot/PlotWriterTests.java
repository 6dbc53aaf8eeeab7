package io.porterbench.dashboard.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import io.porterbench.record.BenchRecord;
import io.porterbench.record.SavedIteration;
import io.porterbench.record.SavedMemoryIteration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PlotWriterTests {

	private static final double MB = 1024.0 * 1024.0;

	@TempDir
	Path output;

	@Test
	void writesTheFourPlotsAtTheOriginalsSizes() throws IOException {
		List<SavedIteration> iterations = new ArrayList<>();
		List<SavedMemoryIteration> memory = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			iterations.add(Records.iteration(i, "load", 0.01 + i * 0.001, "compute", 0.03, "save", 0.005));
			memory.add(Records.memory(i, "gstep", (100 + i) * MB, 50 * MB, 0, "compute", (120 + i) * MB, 60 * MB,
					(125 + i) * MB, "gstop", (110 + i) * MB, 55 * MB, 0));
		}
		PlotWriter.Written written = PlotWriter.write(Records.bench("pipeline", iterations, memory), "run",
				this.output);
		assertThat(written.memorySkipped()).isFalse();
		assertThat(written.files()).extracting((file) -> file.getFileName().toString())
			.containsExactly("pipeline_times.png", "pipeline_bars.png", "pipeline_crono.png", "pipeline_memory.png");
		assertPlot(written.files().get(0), PlotSize.TIMES);
		assertPlot(written.files().get(1), PlotSize.BARS);
		assertPlot(written.files().get(2), PlotSize.CRONO);
		assertPlot(written.files().get(3), PlotSize.MEMORY);
	}

	@Test
	void withoutMemoryDataTheMemoryPlotIsSkipped() {
		BenchRecord bench = Records.bench("etl", List.of(Records.iteration(0, "a", 1), Records.iteration(1, "a", 2)),
				List.of());
		PlotWriter.Written written = PlotWriter.write(bench, "run", this.output);
		assertThat(written.memorySkipped()).isTrue();
		assertThat(written.files()).hasSize(3);
		assertThat(this.output.resolve("etl_memory.png")).doesNotExist();
	}

	@Test
	void barColoursFollowTheJetColormapWithGlobalBlack() {
		List<StepRow> rows = List.of(row("a"), row("b"), row("GLOBAL"));
		double[] values = { 1, 3, 4 };
		assertThat(PlotImages.barColor(rows, values, 2)).isEqualTo(java.awt.Color.BLACK);
		assertThat(PlotImages.barColor(rows, values, 0).getBlue()).isGreaterThan(100);
		assertThat(PlotImages.barColor(rows, values, 0).getRed()).isZero();
		assertThat(PlotImages.barColor(rows, values, 1).getRed()).isGreaterThan(100);
		assertThat(PlotImages.barColor(rows, values, 1).getBlue()).isZero();
	}

	private static StepRow row(String step) {
		return new StepRow(step, null, 1, 1, 1, 1, null, null, null, null);
	}

	/**
	 * Asserts that a PNG file reads back at the expected size and shows a drawing, not a
	 * blank page.
	 * @param file the file
	 * @param size the expected size
	 * @throws IOException if it cannot be read
	 */
	static void assertPlot(Path file, PlotSize size) throws IOException {
		BufferedImage image = ImageIO.read(file.toFile());
		assertThat(image).as("%s is a readable image", file).isNotNull();
		assertThat(image.getWidth()).isEqualTo(size.widthPixels());
		assertThat(image.getHeight()).isEqualTo(size.heightPixels());
		assertThat(colouredPixels(image)).as("coloured pixels in %s", file).isGreaterThan(500);
	}

	/**
	 * Counts the saturated pixels: lines and bars, as opposed to the white background and
	 * grey axes and text.
	 * @param image the image
	 * @return how many pixels have clearly different colour channels
	 */
	static int colouredPixels(BufferedImage image) {
		int count = 0;
		for (int y = 0; y < image.getHeight(); y += 2) {
			for (int x = 0; x < image.getWidth(); x += 2) {
				int rgb = image.getRGB(x, y);
				int r = (rgb >> 16) & 0xff;
				int g = (rgb >> 8) & 0xff;
				int b = rgb & 0xff;
				if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
					count++;
				}
			}
		}
		return count;
	}

}
