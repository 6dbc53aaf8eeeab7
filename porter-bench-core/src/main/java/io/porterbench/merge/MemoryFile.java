package io.porterbench.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;

import io.porterbench.internal.format.RunFileWriter;
import io.porterbench.record.SavedMemoryIteration;
import io.porterbench.record.SavedMemorySample;

/**
 * Writes merged memory iterations back as a MEMORY file, sample by sample as they were
 * read: the original's six keys, then {@code heap used} and {@code heap committed} where
 * the source had them.
 */
final class MemoryFile {

	private MemoryFile() {
	}

	static void write(Path runFolder, String name, List<Entry> entries) throws IOException {
		RunFileWriter.ExtraWriter extras = new RunFileWriter.ExtraWriter(name);
		RunFileWriter.writeMemoryFile(runFolder, name, (g) -> {
			g.writeStartArray();
			for (Entry entry : entries) {
				writeIteration(g, entry, extras);
			}
			g.writeEndArray();
		});
	}

	private static void writeIteration(JsonGenerator g, Entry entry, RunFileWriter.ExtraWriter extras) {
		SavedMemoryIteration iteration = entry.iteration();
		long number = (entry.number() != Long.MAX_VALUE) ? entry.number() : iteration.stepNumber();
		g.writeStartObject();
		RunFileWriter.writeInfo(g, number, iteration.startTime(), iteration.stopTime(), iteration.host(),
				(iteration.pid() != null) ? iteration.pid() : -1);
		g.writeName("data");
		g.writeStartObject();
		for (Map.Entry<String, List<SavedMemorySample>> topic : iteration.samples().entrySet()) {
			g.writeName(topic.getKey());
			g.writeStartArray();
			for (SavedMemorySample sample : topic.getValue()) {
				writeSample(g, topic.getKey(), sample, extras);
			}
			g.writeEndArray();
		}
		g.writeEndObject();
		g.writeEndObject();
	}

	private static void writeSample(JsonGenerator g, String topic, SavedMemorySample sample,
			RunFileWriter.ExtraWriter extras) {
		g.writeStartObject();
		writeLong(g, "total memory usage", sample.totalMemory());
		g.writeName("cuda memory usage");
		if (sample.cudaMemory() == null) {
			g.writeNull();
		}
		else {
			g.writeStartObject();
			sample.cudaMemory().forEach((key, value) -> writeLong(g, key, value));
			g.writeEndObject();
		}
		g.writeName("top_memory_objects");
		g.writeStartArray();
		for (SavedMemorySample.TopObject top : sample.topMemoryObjects()) {
			g.writeStartArray();
			g.writeString(top.type());
			g.writeNumber(top.bytes());
			g.writeEndArray();
		}
		g.writeEndArray();
		g.writeNumberProperty("crono_counter", sample.cronoCounter());
		g.writeName("extra");
		extras.write(g, topic, sample.extra());
		writeLong(g, "max memory usage", sample.maxMemory());
		if (sample.heapUsed() != null) {
			writeLong(g, "heap used", sample.heapUsed());
		}
		if (sample.heapCommitted() != null) {
			writeLong(g, "heap committed", sample.heapCommitted());
		}
		g.writeEndObject();
	}

	private static void writeLong(JsonGenerator g, String name, Long value) {
		g.writeName(name);
		if (value == null) {
			g.writeNull();
		}
		else {
			g.writeNumber(value);
		}
	}

	/**
	 * A memory iteration of a source run, with its number in the merged run.
	 *
	 * @param number the number of its DATA iteration in the merged run, or
	 * {@link Long#MAX_VALUE} when the source's DATA file does not have it
	 * @param sourceIndex the source run's position among the given runs
	 * @param iteration the memory iteration
	 */
	record Entry(long number, int sourceIndex, SavedMemoryIteration iteration) {

	}

}
