package org.cwh.load;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cwh.load.LoadReport.BundleOutcome;
import org.cwh.load.LoadReport.Status;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Runs a {@link LoadPlan} into a {@link BundleSink}: reads each file, prepares it ({@link PreparedBundle}), skips a
 * patient bundle whose Patient is already stored and sends the rest one at a time, in plan order. The HTTP command
 * and the demo data at start share it.
 */
final class Loader {

	/** Told after every file; the command draws its progress bar from it. */
	interface Progress {
		void done(int finished, int total, BundleOutcome last, LoadReport sofar);
	}

	private final FhirContext fhir;
	private final BundleSink sink;

	Loader(FhirContext fhir, BundleSink sink) {
		this.fhir = fhir;
		this.sink = sink;
	}

	LoadReport run(LoadPlan plan, Progress progress) {
		long started = System.nanoTime();
		List<BundleOutcome> outcomes = new ArrayList<>();
		int total = plan.files().size();
		for (Path file : plan.files()) {
			outcomes.add(load(file));
			progress.done(outcomes.size(), total, outcomes.get(outcomes.size() - 1),
					new LoadReport(outcomes, Duration.ofNanos(System.nanoTime() - started)));
		}
		return new LoadReport(outcomes, Duration.ofNanos(System.nanoTime() - started));
	}

	private BundleOutcome load(Path file) {
		IBaseResource parsed;
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			parsed = fhir.newJsonParser().parseResource(in);
		} catch (DataFormatException e) {
			// JSON that is no FHIR resource at all (a manifest, a Synthea module) is not ours to load.
			return !namesAResourceType(file)
					? new BundleOutcome(file, Status.SKIPPED, 0, 0, "not a FHIR resource")
					: new BundleOutcome(file, Status.FAILED, 0, 0, "unreadable FHIR JSON: " + e.getMessage());
		} catch (IOException e) {
			return new BundleOutcome(file, Status.FAILED, 0, 0, "cannot read: " + e.getMessage());
		}
		if (!(parsed instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.TRANSACTION
				&& bundle.getType() != Bundle.BundleType.BATCH) {
			return new BundleOutcome(file, Status.SKIPPED, 0, 0, "not a transaction or batch Bundle");
		}
		PreparedBundle prepared = PreparedBundle.of(bundle);
		try {
			if (prepared.patient().isPresent() && sink.hasPatient(prepared.patient().get())) {
				return new BundleOutcome(file, Status.SKIPPED, 0, 0, "already loaded");
			}
			BundleSink.Sent sent = sink.send(prepared.bundle());
			return sent.problems().isEmpty()
					? new BundleOutcome(file, Status.LOADED, prepared.entries(), sent.created(), "")
					: new BundleOutcome(file, Status.FAILED, prepared.entries(), sent.created(),
							String.join("\n  ", sent.problems()));
		} catch (RuntimeException e) {
			// One bundle the sink could not handle (server gone, storage error) must not hide the others' results.
			return new BundleOutcome(file, Status.FAILED, prepared.entries(), 0, e.getClass().getSimpleName() + ": "
					+ e.getMessage());
		}
	}

	/** Whether the file is a JSON object with a top-level {@code resourceType}; read as a stream, nothing kept. */
	static boolean namesAResourceType(Path file) {
		try (JsonParser json = new JsonFactory().createParser(Files.newInputStream(file))) {
			if (json.nextToken() != JsonToken.START_OBJECT) {
				return false;
			}
			while (json.nextToken() == JsonToken.FIELD_NAME) {
				if ("resourceType".equals(json.currentName())) {
					return true;
				}
				json.nextToken();
				json.skipChildren();
			}
			return false;
		} catch (IOException e) {
			return false;
		}
	}
}
