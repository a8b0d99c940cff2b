package org.cwh.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cwh.load.LoadReport.Status;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader against a recording sink: what is sent, skipped and failed, without a server. */
class LoaderTest {

	@TempDir
	Path dir;

	private static final String PATIENT_BUNDLE = """
			{"resourceType":"Bundle","type":"transaction","entry":[
			 {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Patient","identifier":[{"system":"urn:s","value":"%s"}]},
			  "request":{"method":"POST","url":"Patient"}}]}""";

	/** Knows some patients; answers every bundle with one 201, or with the given problem. */
	static final class RecordingSink implements BundleSink {
		final Set<String> storedPatients;
		final List<Bundle> sent = new ArrayList<>();
		final String problem;

		RecordingSink(Set<String> storedPatients, String problem) {
			this.storedPatients = storedPatients;
			this.problem = problem;
		}

		@Override
		public boolean hasPatient(Identifier identifier) {
			return storedPatients.contains(identifier.getValue());
		}

		@Override
		public Sent send(Bundle bundle) {
			sent.add(bundle);
			return problem == null ? new Sent(bundle.getEntry().size(), List.of()) : Sent.failed(problem);
		}
	}

	private LoadReport load(RecordingSink sink) {
		return new Loader(FhirContext.forR4Cached(), sink).run(LoadPlan.of(List.of(dir)), (f, t, l, s) -> {});
	}

	@Test
	void aPatientAlreadyStoredIsSkippedAndNotSent() throws IOException {
		Files.writeString(dir.resolve("a.json"), PATIENT_BUNDLE.formatted("stored"));
		Files.writeString(dir.resolve("b.json"), PATIENT_BUNDLE.formatted("new"));
		RecordingSink sink = new RecordingSink(Set.of("stored"), null);

		LoadReport report = load(sink);

		assertEquals(List.of(Status.SKIPPED, Status.LOADED),
				report.outcomes().stream().map(LoadReport.BundleOutcome::status).toList());
		assertEquals("already loaded", report.outcomes().get(0).detail());
		assertEquals(1, sink.sent.size());
		assertEquals(1, report.resources());
	}

	@Test
	void jsonThatIsNoFhirResourceIsSkippedButBrokenFhirFails() throws IOException {
		Files.writeString(dir.resolve("MANIFEST.json"), "[{\"file\":\"x\"}]");
		Files.writeString(dir.resolve("module.json"), "{\"name\":\"self harm\",\"states\":{}}");
		Files.writeString(dir.resolve("broken.json"), "{\"resourceType\":\"Bundle\",\"type\":");
		Files.writeString(dir.resolve("collection.json"), "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}");

		LoadReport report = load(new RecordingSink(Set.of(), null));

		assertEquals(1, report.failures(), report::toString);
		assertEquals(3, report.skipped(), report::toString);
		assertTrue(report.outcomes().stream().filter(o -> o.status() == Status.FAILED)
				.allMatch(o -> o.file().getFileName().toString().equals("broken.json")));
	}

	@Test
	void aRefusedBundleIsAFailureCarryingTheDiagnostics() throws IOException {
		Files.writeString(dir.resolve("p.json"), PATIENT_BUNDLE.formatted("p"));

		LoadReport report = load(new RecordingSink(Set.of(), "HTTP 422 HAPI-0000: nope"));

		assertEquals(1, report.failures());
		assertEquals("HTTP 422 HAPI-0000: nope", report.outcomes().get(0).detail());
	}
}
