package org.cwh.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which bundle files to load, in which order. Directories are walked depth-first; inside each one its
 * {@code hospitalInformation*} and {@code practitionerInformation*} bundles come first (Synthea's patient bundles
 * point at their Organizations, Practitioners and Locations by conditional reference), then the other {@code *.json}
 * files by name, then its subdirectories by name. A file named on the command line is taken as it is. Pure apart
 * from listing directories.
 */
record LoadPlan(List<Path> files) {

	LoadPlan {
		files = List.copyOf(files);
	}

	static LoadPlan of(List<Path> inputs) {
		List<Path> files = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				addDirectory(input, files);
			} else if (Files.isRegularFile(input)) {
				files.add(input);
			} else {
				throw new IllegalArgumentException("no such file or directory: " + input);
			}
		}
		return new LoadPlan(files);
	}

	private static void addDirectory(Path dir, List<Path> files) {
		List<Path> children;
		try (Stream<Path> list = Files.list(dir)) {
			children = list.toList();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot list " + dir, e);
		}
		children.stream()
				.filter(Files::isRegularFile)
				.filter(p -> fileName(p).toLowerCase(Locale.ROOT).endsWith(".json"))
				.sorted(BY_LOAD_ORDER)
				.forEach(files::add);
		children.stream()
				.filter(Files::isDirectory)
				.sorted(Comparator.comparing(LoadPlan::fileName))
				.forEach(sub -> addDirectory(sub, files));
	}

	/** Shared directory bundles first (hospitals before practitioners), then everything else; by name within each. */
	static final Comparator<Path> BY_LOAD_ORDER =
			Comparator.comparingInt((Path p) -> rank(fileName(p))).thenComparing(LoadPlan::fileName);

	/** 0 for hospital (Organization, Location), 1 for practitioner (Practitioner, PractitionerRole), 2 for the rest. */
	static int rank(String fileName) {
		if (fileName.startsWith("hospitalInformation")) {
			return 0;
		}
		if (fileName.startsWith("practitionerInformation")) {
			return 1;
		}
		return 2;
	}

	static boolean isSharedDirectory(String fileName) {
		return rank(fileName) < 2;
	}

	private static String fileName(Path p) {
		Path name = p.getFileName();
		return name == null ? p.toString() : name.toString();
	}
}
