package org.cwh.profiles;

import ca.uhn.fhir.validation.FhirValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Validates several resources with one call of HAPI's validator, and reports each one's errors as if it had been
 * validated alone. Each call has a fixed cost besides the resources' own checks: HAPI encodes the resource, parses it
 * twice (Gson, then core's element model) and looks up its profiles, and with HAPI's plain {@code FhirInstanceValidator}
 * it builds a new core {@code InstanceValidator}, whose OID registry alone was a third of a transaction's validation
 * ({@link ReusedInstanceValidator} now keeps them). A
 * transaction's entries are therefore wrapped in one {@code collection} Bundle, which the validator checks entry by
 * entry against each entry's declared profiles; issues located in an entry ({@code Bundle.entry[2].resource/*Task/7*}
 * {@code /.owner}) are given back to that resource with the path it has alone ({@code Task.owner}). Issues about the
 * wrapping Bundle itself are ours, not the client's, and are dropped. One resource is validated alone.
 */
final class ValidationInOneCall {

	private static final Pattern IN_ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.resource(?:/\\*[^*]*\\*/)?");

	private final FhirValidator validator;

	ValidationInOneCall(FhirValidator validator) {
		this.validator = validator;
	}

	/** The error and fatal issues of each resource, in the order given; an outcome without issues for a valid one. */
	List<OperationOutcome> errorsOf(List<IBaseResource> resources) {
		if (resources.size() == 1) {
			return List.of(errorsOnly((OperationOutcome) validator.validateWithResult(resources.get(0)).toOperationOutcome()));
		}
		// Copies: each entry is encoded for the validator, and the caller's resources are about to be stored.
		return errorsOfCopies(resources.stream().map(r -> ((Resource) r).copy()).toList());
	}

	/**
	 * As {@link #errorsOf}, for resources the caller has copied already and will not touch again: they become the
	 * entries of the Bundle validated, each under a fresh {@code urn:uuid:} (no entry references another: a
	 * transaction's copies carry their references in stored shape, {@code Patient/…}).
	 */
	List<OperationOutcome> errorsOfCopies(List<Resource> copies) {
		Bundle together = new Bundle().setType(Bundle.BundleType.COLLECTION);
		for (Resource copy : copies) {
			together.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(copy);
		}
		List<OperationOutcome> byResource = new ArrayList<>();
		copies.forEach(r -> byResource.add(new OperationOutcome()));
		OperationOutcome all = (OperationOutcome) validator.validateWithResult(together).toOperationOutcome();
		for (OperationOutcomeIssueComponent issue : errorsOnly(all).getIssue()) {
			int entry = entryOf(issue);
			if (entry >= 0 && entry < copies.size()) {
				byResource.get(entry).addIssue(asAlone(issue, copies.get(entry).fhirType()));
			}
		}
		return byResource;
	}

	private static OperationOutcome errorsOnly(OperationOutcome outcome) {
		OperationOutcome errors = new OperationOutcome();
		for (OperationOutcomeIssueComponent issue : outcome.getIssue()) {
			if (issue.getSeverity() == IssueSeverity.ERROR || issue.getSeverity() == IssueSeverity.FATAL) {
				errors.addIssue(issue.copy());
			}
		}
		return errors;
	}

	/** The entry an issue is located in, or -1 for an issue about the wrapping Bundle. */
	private static int entryOf(OperationOutcomeIssueComponent issue) {
		for (StringType path : issue.getExpression()) {
			Matcher m = IN_ENTRY.matcher(path.getValue());
			if (m.find()) {
				return Integer.parseInt(m.group(1));
			}
		}
		return -1;
	}

	private static OperationOutcomeIssueComponent asAlone(OperationOutcomeIssueComponent issue, String type) {
		OperationOutcomeIssueComponent alone = issue.copy();
		alone.getExpression().forEach(e -> e.setValue(IN_ENTRY.matcher(e.getValue()).replaceFirst(type)));
		alone.getLocation().forEach(l -> l.setValue(IN_ENTRY.matcher(l.getValue()).replaceFirst(type)));
		return alone;
	}
}
