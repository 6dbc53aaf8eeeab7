package io.porterbench.record;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link DataIndexTests} in a JVM whose direct memory limit is below the size of
 * an index: prints whether the index could be opened and whether the run loads equal to
 * its parsed DATA file.
 */
public final class IndexUnderDirectMemoryLimitMain {

	private IndexUnderDirectMemoryLimitMain() {
	}

	public static void main(String[] args) {
		Path data = Path.of(args[0]);
		System.out.println("index opened: " + (DataIndex.open(data, Long.MAX_VALUE) != null));
		List<SavedIteration> parsed = RunFileReader.DEFAULT.read(data, "DATA", RunFileParser::iterations, List.of(),
				new ArrayList<>());
		List<SavedIteration> loaded = RunRecord.load(data.getParent()).bench("random").iterations();
		System.out
			.println("loaded " + loaded.size() + " iterations, equal to the parsed ones: " + loaded.equals(parsed));
	}

}
