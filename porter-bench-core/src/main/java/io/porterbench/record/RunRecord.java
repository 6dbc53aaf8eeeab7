package io.porterbench.record;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A saved run loaded from disk, written by porter-bench or by the Python original.
 */
public final class RunRecord {

	private RunRecord() {
		throw new UnsupportedOperationException("loader arrives with its own commit");
	}

	public static RunRecord loadLatest(Path path) { throw new UnsupportedOperationException(); }

	public static RunRecord load(Path runFolder) { throw new UnsupportedOperationException(); }

	public Path runDirectory() { throw new UnsupportedOperationException(); }

	public Set<String> benchNames() { throw new UnsupportedOperationException(); }

	public BenchRecord bench(String name) { throw new UnsupportedOperationException(); }

	public Map<String, BenchRecord> benches() { throw new UnsupportedOperationException(); }

	public List<String> problems() { throw new UnsupportedOperationException(); }

}
