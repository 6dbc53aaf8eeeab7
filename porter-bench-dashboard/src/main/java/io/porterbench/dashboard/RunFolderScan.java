package io.porterbench.dashboard;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.porterbench.record.RunFolderNames;
import io.porterbench.record.RunFolders;

/**
 * Lists the run folders under a root and stamps a run folder's files, for
 * {@link RunCatalog}.
 *
 * <p>
 * Apart from the catalog so that the catalog bean's declared methods, which Spring reads
 * at startup, name none of the types used here.
 */
final class RunFolderScan {

	private RunFolderScan() {
	}

	/**
	 * The run files of a folder, sorted, with their sizes and modification times: a
	 * change to any file changes it.
	 */
	static Stamp stamp(Path folder) {
		List<String> files = new ArrayList<>();
		for (Path file : children(folder)) {
			String name = file.getFileName().toString();
			if (RunFolders.isRunFile(name)) {
				files.add(name);
			}
		}
		files.sort(Comparator.naturalOrder());
		List<String> attributes = files.stream().map((name) -> attributes(folder.resolve(name))).toList();
		return new Stamp(List.copyOf(files), attributes);
	}

	private static String attributes(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
		}
		catch (IOException ex) {
			return "unreadable";
		}
	}

	/**
	 * The runs under a root, as {@link RunCatalog#runs()} lists them.
	 */
	static List<RunEntry> runs(Path root) {
		return RunFolders.list(root)
			.stream()
			.map((run) -> new RunEntry(run.name(), run.time().map(RunFolderNames.RunTime::time).orElse(null)))
			.toList();
	}

	private static List<Path> children(Path folder) {
		List<Path> children = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return children;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
			stream.forEach(children::add);
		}
		catch (IOException | RuntimeException ex) {
			// An unreadable folder lists as empty; the dashboard keeps serving the
			// others.
		}
		return children;
	}

	/**
	 * A run folder's run files, sorted, and their sizes and modification times.
	 *
	 * @param files the file names
	 * @param attributes each file's size and modification time
	 */
	record Stamp(List<String> files, List<String> attributes) {
	}

}
