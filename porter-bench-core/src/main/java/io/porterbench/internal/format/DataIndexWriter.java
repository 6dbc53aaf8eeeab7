package io.porterbench.internal.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.porterbench.internal.AtomicFiles;
import io.porterbench.internal.IterationData;
import io.porterbench.internal.RunSnapshot;
import io.porterbench.internal.TopicSums;
import io.porterbench.record.DataIndex;
import io.porterbench.record.RunFiles;
import io.porterbench.record.RunOrigin;

/**
 * Writes the {@link DataIndex} of a DATA file just written from a snapshot: the same
 * iterations, topics, calls and {@code info} in the same order as
 * {@link RunFileWriter#writeDataWithGenerator} lays them out.
 *
 * <p>
 * The index only makes reading faster, so it never fails a save: when it cannot be
 * written, or the snapshot holds what the index does not (an {@code extra}, a start or
 * stop time that is not a number), any index before is removed and the run is read from
 * its DATA file.
 */
final class DataIndexWriter {

	private static final Logger logger = LoggerFactory.getLogger(DataIndexWriter.class);

	private final DataIndex.Writer index;

	private final RunOrigin origin;

	private final TopicSums scratch = new TopicSums();

	private int[] calls = new int[8];

	// the topics of the iteration before and their references: consecutive iterations
	// nearly always have the same topics, the same objects, in the same order
	private String[] lastTopics = new String[8];

	private int[] lastReferences = new int[8];

	private final int global;

	private final int originHost;

	private DataIndexWriter(DataIndex.Writer index, RunOrigin origin) {
		this.index = index;
		this.origin = origin;
		this.global = index.reference(RunFiles.GLOBAL);
		this.originHost = index.reference(origin.host().orElse(null));
	}

	/**
	 * Writes the index of a DATA file, or removes a stale one.
	 * @param dataFile the DATA file, complete
	 * @param snapshot the snapshot it was written from
	 * @param origin the host and process written into each iteration's {@code info},
	 * unless the iteration names its own source
	 */
	static void write(Path dataFile, RunSnapshot snapshot, RunOrigin origin) {
		try {
			if (!isIndexable(snapshot.retained()) || !isIndexable(snapshot.open())) {
				Files.deleteIfExists(DataIndex.fileOf(dataFile));
				return;
			}
			AtomicFiles.writeDerived(DataIndex.fileOf(dataFile), (out) -> {
				DataIndex.Writer index = DataIndex.Writer.start(dataFile, out);
				DataIndexWriter writer = new DataIndexWriter(index, origin);
				for (IterationData iteration : snapshot.retained()) {
					writer.write(iteration);
				}
				for (IterationData iteration : snapshot.open()) {
					writer.write(iteration);
				}
				index.finish();
			});
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("porter-bench: no index for {}; the run is read from the file itself", dataFile, ex);
			try {
				Files.deleteIfExists(DataIndex.fileOf(dataFile));
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
		}
	}

	private static boolean isIndexable(List<IterationData> iterations) {
		for (IterationData iteration : iterations) {
			if (iteration.iterationExtra() != null || iteration.hasCallExtras()
					|| !Double.isFinite(iteration.startEpochSeconds())
					|| !Double.isFinite(iteration.stopEpochSeconds())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Writes one iteration as the DATA file lays it out: each topic's sum, then GLOBAL;
	 * each topic's calls in order, then GLOBAL's one call.
	 */
	private void write(IterationData iteration) throws IOException {
		TopicSums sums = iteration.topicSums(this.scratch);
		int[] references = references(sums);
		boolean closed = iteration.isClosed();
		int host = iteration.hasSource() ? this.index.reference(iteration.sourceHost()) : this.originHost;
		long pid = iteration.hasSource() ? iteration.sourcePid() : this.origin.pid().orElse(-1);
		int topics = sums.count() + (closed ? 1 : 0);
		this.index.iteration(iteration.number(), iteration.startEpochSeconds(), iteration.stopEpochSeconds(), host, pid,
				topics, topics);
		for (int t = 0; t < sums.count(); t++) {
			this.index.absolute(references[t], sums.sum(t));
		}
		if (closed) {
			this.index.absolute(this.global, iteration.globalNanos());
		}
		int[] counts = countCalls(iteration, sums);
		for (int t = 0; t < sums.count(); t++) {
			this.index.callTopic(references[t], counts[t]);
			for (int i = sums.firstCall(t), left = counts[t]; left > 0; i++) {
				if (sums.topicIndexOfCall(i) == t) {
					this.index.call(iteration.nanos(i), i);
					left--;
				}
			}
		}
		if (closed) {
			this.index.callTopic(this.global, 1);
			this.index.call(iteration.globalNanos(), iteration.size());
		}
	}

	/**
	 * The references of the iteration's topics, those of the iteration before when the
	 * same.
	 */
	private int[] references(TopicSums sums) {
		int count = sums.count();
		if (this.lastTopics.length < count) {
			this.lastTopics = Arrays.copyOf(this.lastTopics, count * 2);
			this.lastReferences = Arrays.copyOf(this.lastReferences, count * 2);
		}
		for (int t = 0; t < count; t++) {
			String topic = sums.topic(t);
			if (this.lastTopics[t] != topic) {
				this.lastTopics[t] = topic;
				this.lastReferences[t] = this.index.reference(topic);
			}
		}
		return this.lastReferences;
	}

	private int[] countCalls(IterationData iteration, TopicSums sums) {
		if (this.calls.length < sums.count()) {
			this.calls = new int[sums.count() * 2];
		}
		Arrays.fill(this.calls, 0, sums.count(), 0);
		for (int i = 0; i < iteration.size(); i++) {
			this.calls[sums.topicIndexOfCall(i)]++;
		}
		return this.calls;
	}

}
