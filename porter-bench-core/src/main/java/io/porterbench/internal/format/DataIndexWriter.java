package io.porterbench.internal.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private DataIndexWriter() {
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
			try (DataIndex.Writer index = DataIndex.Writer.start(dataFile)) {
				TopicSums scratch = new TopicSums();
				for (IterationData iteration : snapshot.retained()) {
					write(index, iteration, scratch, origin);
				}
				for (IterationData iteration : snapshot.open()) {
					write(index, iteration, scratch, origin);
				}
				index.commit();
			}
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
			if (iteration.iterationExtra() != null || !Double.isFinite(iteration.startEpochSeconds())
					|| !Double.isFinite(iteration.stopEpochSeconds())) {
				return false;
			}
			for (int i = 0; i < iteration.size(); i++) {
				if (iteration.extra(i) != null) {
					return false;
				}
			}
		}
		return true;
	}

	private static void write(DataIndex.Writer index, IterationData iteration, TopicSums scratch, RunOrigin origin)
			throws IOException {
		TopicSums sums = iteration.topicSums(scratch);
		boolean closed = iteration.isClosed();
		String host = iteration.hasSource() ? iteration.sourceHost() : origin.host().orElse(null);
		long pid = iteration.hasSource() ? iteration.sourcePid() : origin.pid().orElse(-1);
		int topics = sums.count() + (closed ? 1 : 0);
		index.iteration(iteration.number(), iteration.startEpochSeconds(), iteration.stopEpochSeconds(), host, pid,
				topics, topics);
		for (int t = 0; t < sums.count(); t++) {
			index.absolute(sums.topic(t), sums.sum(t));
		}
		if (closed) {
			index.absolute(RunFiles.GLOBAL, iteration.globalNanos());
		}
		for (int t = 0; t < sums.count(); t++) {
			index.callTopic(sums.topic(t), callsOf(iteration, sums, t));
			for (int i = sums.firstCall(t); i < iteration.size(); i++) {
				if (sums.topicIndexOfCall(i) == t) {
					index.call(iteration.nanos(i), i);
				}
			}
		}
		if (closed) {
			index.callTopic(RunFiles.GLOBAL, 1);
			index.call(iteration.globalNanos(), iteration.size());
		}
	}

	private static int callsOf(IterationData iteration, TopicSums sums, int topic) {
		int calls = 0;
		for (int i = sums.firstCall(topic); i < iteration.size(); i++) {
			if (sums.topicIndexOfCall(i) == topic) {
				calls++;
			}
		}
		return calls;
	}

}
