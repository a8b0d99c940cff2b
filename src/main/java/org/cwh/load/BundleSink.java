package org.cwh.load;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Where prepared bundles go: a server over HTTP ({@link HttpSink}) or this node's own storage ({@link DaoSink}). */
interface BundleSink {

	/** Whether a Patient with this identifier is already stored. */
	boolean hasPatient(Identifier identifier);

	/** Sends one transaction or batch bundle; never throws for a refusal, only reports it. */
	Sent send(Bundle bundle);

	/**
	 * What the server made of one bundle.
	 *
	 * @param created entries answered {@code 201 Created} (the rest matched stored resources or failed)
	 * @param problems one line per refusal: the status and the OperationOutcome diagnostics, never resource content
	 */
	record Sent(int created, List<String> problems) {

		public Sent {
			problems = List.copyOf(problems);
		}

		static Sent failed(String problem) {
			return new Sent(0, List.of(problem));
		}

		/** Counts the {@code 201}s and collects the failed entries of a transaction-response or batch-response. */
		static Sent fromResponse(Bundle response) {
			int created = 0;
			List<String> problems = new java.util.ArrayList<>();
			int index = 0;
			for (Bundle.BundleEntryComponent entry : response.getEntry()) {
				String status = entry.getResponse().getStatus();
				if (status != null && status.startsWith("201")) {
					created++;
				} else if (status != null && !status.startsWith("2")) {
					problems.add("entry " + index + ": " + status + " " + diagnostics(entry.getResponse().getOutcome()));
				}
				index++;
			}
			return new Sent(created, problems);
		}

		static String diagnostics(org.hl7.fhir.instance.model.api.IBaseResource outcome) {
			if (!(outcome instanceof OperationOutcome oo) || oo.getIssue().isEmpty()) {
				return "(no OperationOutcome)";
			}
			return oo.getIssue().stream()
					.map(i -> i.hasDiagnostics() ? i.getDiagnostics() : i.getCode() == null ? "" : i.getCode().toCode())
					.reduce((a, b) -> a + "; " + b).orElse("");
		}
	}
}
