package org.cwh.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;

/**
 * Makes the FHIR R4 core conformance resources HAPI keeps in memory (every StructureDefinition, ValueSet, CodeSystem
 * and SearchParameter of the specification, parsed once per JVM by {@link DefaultProfileValidationSupport}) share one
 * {@code String} per distinct text (the text of every primitive value: strings, codes, booleans, numbers, dates). The
 * XML parser gives every occurrence its own copy: the ele-1 constraint's text alone was held eleven thousand times,
 * and duplicates were about 27 MB of the 90 MB those resources take once parsed.
 * The live heap is what the garbage collector walks in every marking cycle; on a node with a 512 MB heap it was about
 * 350 MB, and under validated writes the collector then took as much CPU as the requests did.
 *
 * <p>Run after "ready", before the validator's warm-up: the validator works on R5 copies of these resources, made
 * on its first use, and the copies take the strings by reference, so they share them too. Nothing else changes: a
 * string's value stays the same, only which object holds it. Called by {@link ProfilesAtStart#warmUp}.
 */
final class SharedConformanceStrings {

	private final Map<String, String> canonical = new HashMap<>();
	private long shared;

	private SharedConformanceStrings() {
	}

	/**
	 * Loads the core StructureDefinitions and terminology as the validator's first use would (HAPI loads each kind
	 * all at once), then shares the strings of every core conformance resource; returns how many values now share a
	 * string. HAPI lists only the kinds already loaded, and nothing before "ready" loads the StructureDefinitions any
	 * more: without loading them here their 360,000 strings went unshared, 26 MB more live heap.
	 */
	static long shareCore(FhirContext ctx) {
		DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(ctx);
		core.fetchAllStructureDefinitions();
		core.fetchValueSet("http://hl7.org/fhir/ValueSet/administrative-gender");
		List<IBaseResource> resources = new ArrayList<>(core.fetchAllConformanceResources());
		List<IBaseResource> searchParameters = core.fetchAllSearchParameters();
		if (searchParameters != null) {
			resources.addAll(searchParameters);
		}
		return share(resources);
	}

	/** Shares the strings of the given R4 resources among them; returns how many values were replaced. */
	static long share(List<? extends IBaseResource> resources) {
		SharedConformanceStrings strings = new SharedConformanceStrings();
		for (IBaseResource resource : resources) {
			if (resource instanceof Base base) {
				strings.visit(base);
			}
		}
		return strings.shared;
	}

	private void visit(Base element) {
		if (element instanceof PrimitiveType<?> primitive) {
			String text = primitive.getValueAsString();
			String first = text == null ? null : canonical.putIfAbsent(text, text);
			if (first != null && first != text) {
				// The same text parsed again: a string keeps its value, a code or number gets an equal one.
				primitive.setValueAsString(first);
				shared++;
			}
		}
		for (Property property : element.children()) {
			if (property.hasValues()) {
				for (Base child : property.getValues()) {
					visit(child);
				}
			}
		}
	}
}
