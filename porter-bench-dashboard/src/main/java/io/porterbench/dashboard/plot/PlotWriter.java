package io.porterbench.dashboard.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import io.porterbench.record.BenchRecord;

/**
 * Writes the original's PNG files of one benchmarker: {@code <name>_times.png},
 * {@code <name>_bars.png}, {@code <name>_crono.png}, and {@code <name>_memory.png} when
 * it has memory samples.
 */
public final class PlotWriter {

	private PlotWriter() {
	}

	/**
	 * Draws and writes the plots of a benchmarker.
	 * @param bench the saved benchmarker
	 * @param runLabel the run's label, used in the bars title and the chronological
	 * legend
	 * @param outputDir the folder to write into, created if missing
	 * @return the files written, and whether the memory plot was skipped for lack of data
	 * @throws UncheckedIOException if a file could not be written
	 */
	public static Written write(BenchRecord bench, String runLabel, Path outputDir) {
		List<Path> files = new ArrayList<>();
		try {
			Files.createDirectories(outputDir);
			String name = bench.name();
			files.add(png(PlotImages.times(BenchCharts.times(bench)), outputDir.resolve(name + "_times.png")));
			files.add(png(PlotImages.bars(BenchCharts.bars(bench, runLabel)), outputDir.resolve(name + "_bars.png")));
			files
				.add(png(PlotImages.crono(BenchCharts.crono(bench), runLabel), outputDir.resolve(name + "_crono.png")));
			Optional<MemoryChart> memory = BenchCharts.memory(bench);
			if (memory.isPresent()) {
				files.add(png(PlotImages.memory(memory.get()), outputDir.resolve(name + "_memory.png")));
			}
			return new Written(List.copyOf(files), memory.isEmpty());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the plots of '" + bench.name() + "' to " + outputDir, ex);
		}
	}

	private static Path png(BufferedImage image, Path file) throws IOException {
		if (!ImageIO.write(image, "png", file.toFile())) {
			throw new IOException("No PNG writer available for " + file);
		}
		return file;
	}

	/**
	 * What {@link #write} did.
	 *
	 * @param files the files written, in order
	 * @param memorySkipped whether the benchmarker had no memory samples, so no memory
	 * plot
	 */
	public record Written(List<Path> files, boolean memorySkipped) {
	}

}
