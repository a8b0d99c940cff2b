package org.cwh.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a load did, bundle by bundle. Counts only: file names are the operator's own, and problems hold
 * OperationOutcome diagnostics, never resource content.
 */
public record LoadReport(List<BundleOutcome> outcomes, Duration elapsed) {

	public LoadReport {
		outcomes = List.copyOf(outcomes);
	}

	/** What happened to one file. */
	public enum Status { LOADED, FAILED, SKIPPED }

	/**
	 * @param entries entries in the bundle (0 when skipped)
	 * @param created entries the server answered with 201
	 * @param detail why it failed or was skipped; empty when loaded
	 */
	public record BundleOutcome(Path file, Status status, int entries, int created, String detail) {}

	public long bundles() {
		return count(Status.LOADED);
	}

	public long failures() {
		return count(Status.FAILED);
	}

	public long skipped() {
		return count(Status.SKIPPED);
	}

	/** Entries of the bundles that loaded. */
	public long resources() {
		return outcomes.stream().filter(o -> o.status() == Status.LOADED).mapToLong(BundleOutcome::entries).sum();
	}

	public long created() {
		return outcomes.stream().mapToLong(BundleOutcome::created).sum();
	}

	private long count(Status status) {
		return outcomes.stream().filter(o -> o.status() == status).count();
	}

	/** One line: {@code 12 bundles, 4512 resources (4400 new), 0 failures, 3 skipped in 81.2 s}. */
	public String summary() {
		return String.format("%d bundles, %d resources (%d new), %d failures, %d skipped in %.1f s", bundles(),
				resources(), created(), failures(), skipped(), elapsed.toMillis() / 1000.0);
	}
}
