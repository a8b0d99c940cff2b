package org.cwh.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A transaction or batch bundle made safe to load twice. Plain {@code POST}s of shared directory resources
 * (Organization, Practitioner, Location, PractitionerRole) become conditional creates on their first identifier, so
 * a second load, or a second patient bundle carrying the same hospital, finds the stored one instead of adding a
 * copy. Synthea's PractitionerRoles carry no identifier; they get one derived from the practitioner, organization and
 * location identifiers they point at. The bundle's Patient identifier lets a loader skip a patient already stored.
 * Pure: no I/O.
 *
 * @param bundle the rewritten bundle, ready to send
 * @param patient the first identifier of the bundle's Patient, if it has one
 * @param madeConditional how many entries were turned into conditional creates
 */
record PreparedBundle(Bundle bundle, Optional<Identifier> patient, int madeConditional) {

	/** Shared by many patient bundles and posted again by every {@code hospitalInformation*} bundle. */
	static final Set<String> SHARED_TYPES = Set.of("Organization", "Practitioner", "Location", "PractitionerRole");

	/** System of the identifier given to a PractitionerRole that has none. */
	static final String DERIVED_ROLE_SYSTEM = "urn:cwh:load:practitioner-role";

	/** Rewrites {@code bundle} in place; throws if it is not a transaction or batch. */
	static PreparedBundle of(Bundle bundle) {
		if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH) {
			throw new IllegalArgumentException("not a transaction or batch Bundle (type "
					+ (bundle.getType() == null ? "missing" : bundle.getType().toCode()) + ")");
		}
		int madeConditional = 0;
		Optional<Identifier> patient = Optional.empty();
		for (BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			if (resource == null) {
				continue;
			}
			if (resource instanceof Patient p && patient.isEmpty()) {
				patient = firstUsable(p.getIdentifier());
			}
			if (makeConditional(entry, resource)) {
				madeConditional++;
			}
		}
		return new PreparedBundle(bundle, patient, madeConditional);
	}

	int entries() {
		return bundle.getEntry().size();
	}

	private static boolean makeConditional(BundleEntryComponent entry, Resource resource) {
		String type = resource.fhirType();
		if (!SHARED_TYPES.contains(type) || !entry.hasRequest() || entry.getRequest().getMethod() != HTTPVerb.POST
				|| entry.getRequest().hasIfNoneExist()) {
			return false;
		}
		Optional<Identifier> identifier = resource instanceof PractitionerRole role
				? roleIdentifier(role, entry.getFullUrl())
				: firstUsable(identifiers(resource));
		identifier.ifPresent(id -> entry.getRequest().setIfNoneExist(matchUrl(id)));
		return identifier.isPresent();
	}

	/** {@code identifier=system|value}, each part escaped for a FHIR token and a URL. */
	static String matchUrl(Identifier id) {
		return "identifier=" + ca.uhn.fhir.util.UrlUtil.escapeUrlParam(escapeToken(id.getSystem())) + "|"
				+ ca.uhn.fhir.util.UrlUtil.escapeUrlParam(escapeToken(id.getValue()));
	}

	private static String escapeToken(String s) {
		return s.replace("\\", "\\\\").replace("|", "\\|").replace(",", "\\,").replace("$", "\\$");
	}

	private static Optional<Identifier> roleIdentifier(PractitionerRole role, String fullUrl) {
		Optional<Identifier> own = firstUsable(role.getIdentifier());
		if (own.isPresent()) {
			return own;
		}
		List<String> parts = new ArrayList<>();
		parts.add(key(role.getPractitioner()));
		parts.add(key(role.getOrganization()));
		role.getLocation().forEach(l -> parts.add(key(l)));
		String basis;
		if (!parts.get(0).isEmpty() && !parts.get(1).isEmpty()) {
			basis = String.join("\n", parts);
		} else if (fullUrl != null && fullUrl.startsWith("urn:uuid:")) {
			basis = fullUrl;
		} else {
			return Optional.empty();
		}
		Identifier derived = new Identifier().setSystem(DERIVED_ROLE_SYSTEM)
				.setValue(UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8)).toString());
		role.addIdentifier(derived);
		return Optional.of(derived);
	}

	/** What a reference points at: its literal reference, else its logical identifier; empty when neither. */
	private static String key(Reference ref) {
		if (ref.hasIdentifier() && ref.getIdentifier().hasSystem() && ref.getIdentifier().hasValue()) {
			return ref.getIdentifier().getSystem() + "|" + ref.getIdentifier().getValue();
		}
		return ref.hasReference() && !ref.getReference().startsWith("urn:") ? ref.getReference() : "";
	}

	@SuppressWarnings("unchecked")
	private static List<Identifier> identifiers(Resource resource) {
		var property = resource.getNamedProperty("identifier");
		return property == null ? List.of() : (List<Identifier>) (List<?>) property.getValues();
	}

	private static Optional<Identifier> firstUsable(List<Identifier> identifiers) {
		return identifiers.stream().filter(i -> i.hasSystem() && i.hasValue()).findFirst();
	}
}
