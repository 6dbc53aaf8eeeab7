package io.porterbench.internal.format;

import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.core.JsonGenerator;

import io.porterbench.record.RunOrigin;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.MemorySamples;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.memory.GpuMemory;
import io.porterbench.memory.TopClass;

/**
 * The content of a {@code _MEMORY.json} file: one object per iteration that tracked
 * memory, with the original's {@code info} and {@code data} and, per sample, the
 * original's six keys followed by {@code heap used} and {@code heap committed}.
 */
final class MemoryFileFormat {

	static final String TOTAL_MEMORY = "total memory usage";

	static final String CUDA_MEMORY = "cuda memory usage";

	static final String TOP_OBJECTS = "top_memory_objects";

	static final String CRONO_COUNTER = "crono_counter";

	static final String EXTRA = "extra";

	static final String MAX_MEMORY = "max memory usage";

	static final String HEAP_USED = "heap used";

	static final String HEAP_COMMITTED = "heap committed";

	private MemoryFileFormat() {
	}

	static RunFileWriter.GeneratorContent content(RunSnapshot snapshot, RunOrigin origin) {
		RunFileWriter.ExtraWriter extras = new RunFileWriter.ExtraWriter(snapshot.name());
		return (g) -> {
			g.writeStartArray();
			for (IterationData iteration : snapshot.retained()) {
				writeIteration(g, iteration, extras, origin);
			}
			for (IterationData iteration : snapshot.open()) {
				writeIteration(g, iteration, extras, origin);
			}
			g.writeEndArray();
		};
	}

	private static void writeIteration(JsonGenerator g, IterationData iteration, RunFileWriter.ExtraWriter extras,
			RunOrigin origin) {
		if (!iteration.hasMemory()) {
			return;
		}
		MemorySamples samples = iteration.memory();
		g.writeStartObject();
		RunFileWriter.writeInfo(g, iteration.number(), iteration.memoryStartEpochSeconds(),
				iteration.memoryStopEpochSeconds(), iteration, origin);
		g.writeName("data");
		g.writeStartObject();
		for (String topic : topicsInOrder(samples)) {
			g.writeName(topic);
			g.writeStartArray();
			for (int i = 0; i < samples.size(); i++) {
				if (topic.equals(samples.topic(i))) {
					writeSample(g, samples, i, extras);
				}
			}
			g.writeEndArray();
		}
		g.writeEndObject();
		g.writeEndObject();
	}

	private static Set<String> topicsInOrder(MemorySamples samples) {
		Set<String> topics = new LinkedHashSet<>();
		for (int i = 0; i < samples.size(); i++) {
			topics.add(samples.topic(i));
		}
		return topics;
	}

	private static void writeSample(JsonGenerator g, MemorySamples samples, int i, RunFileWriter.ExtraWriter extras) {
		g.writeStartObject();
		g.writeNumberProperty(TOTAL_MEMORY, samples.rss(i));
		g.writeName(CUDA_MEMORY);
		writeGpu(g, samples.gpu(i));
		g.writeName(TOP_OBJECTS);
		g.writeStartArray();
		for (TopClass top : samples.topClasses(i)) {
			g.writeStartArray();
			g.writeString(top.name());
			g.writeNumber(top.bytes());
			g.writeEndArray();
		}
		g.writeEndArray();
		g.writeNumberProperty(CRONO_COUNTER, i);
		g.writeName(EXTRA);
		extras.write(g, samples.topic(i), samples.extra(i));
		g.writeName(MAX_MEMORY);
		long max = samples.maxRss(i);
		if (max == MemorySamples.NO_PEAK) {
			g.writeNull();
		}
		else {
			g.writeNumber(max);
		}
		g.writeNumberProperty(HEAP_USED, samples.heapUsed(i));
		g.writeNumberProperty(HEAP_COMMITTED, samples.heapCommitted(i));
		g.writeEndObject();
	}

	private static void writeGpu(JsonGenerator g, GpuMemory gpu) {
		if (gpu == null) {
			g.writeNull();
			return;
		}
		g.writeStartObject();
		g.writeNumberProperty(GpuMemory.ALLOCATED, gpu.allocated());
		g.writeNumberProperty(GpuMemory.RESERVED, gpu.reserved());
		g.writeNumberProperty(GpuMemory.MAX_ALLOCATED, gpu.maxAllocated());
		g.writeNumberProperty(GpuMemory.MAX_RESERVED, gpu.maxReserved());
		g.writeEndObject();
	}

}
