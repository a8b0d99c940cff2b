package org.cwh.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/**
 * {@link SharedConformanceStrings}: two parses of the same definitions, which hold equal texts in distinct String
 * objects as HAPI's parsers leave them, end up holding one String per text (strings, codes, numbers, booleans alike)
 * and encode exactly as before.
 */
class SharedConformanceStringsTest {

	private static final String TASK_PROFILE = "StructureDefinition-cwh-handoff-task.json";
	private static final String VALUE_SET = "ValueSet-cwh-handoff-step-vs.json";

	@Test
	void equalTextsShareOneStringAndEveryValueStaysTheSame() {
		List<Resource> first = parse();
		List<Resource> second = parse();
		String before = encode(first) + encode(second);
		StructureDefinition a = (StructureDefinition) first.get(0);
		StructureDefinition b = (StructureDefinition) second.get(0);
		assertNotSame(a.getUrlElement().getValue(), b.getUrlElement().getValue(), "the parser shared them already");

		List<Resource> all = new ArrayList<>(first);
		all.addAll(second);
		long shared = SharedConformanceStrings.share(all);

		assertEquals(before, encode(first) + encode(second));
		assertTrue(shared > 100, "shared " + shared);
		assertSame(a.getUrlElement().getValue(), b.getUrlElement().getValue());
		ElementDefinition elementA = a.getSnapshot().getElement().get(1);
		ElementDefinition elementB = b.getSnapshot().getElement().get(1);
		// A number, a boolean and a code: the same text object, and a value equal to the one parsed.
		assertSame(elementA.getMinElement().getValueAsString(), elementB.getMinElement().getValueAsString());
		assertEquals(0, elementA.getMin());
		assertSame(elementA.getIsModifierElement().getValueAsString(),
				elementB.getIsModifierElement().getValueAsString());
		assertEquals(false, elementA.getIsModifier());
		assertSame(a.getStatusElement().getValueAsString(), b.getStatusElement().getValueAsString());
		assertEquals(a.getStatus(), b.getStatus());
		// Across resources too: the profile and the value set have the same status.
		assertSame(a.getStatusElement().getValueAsString(),
				((ValueSet) second.get(1)).getStatusElement().getValueAsString());
	}

	@Test
	void theCoreStructureDefinitionsAreSharedEvenWhenNothingLoadedThemBefore() {
		FhirContext ctx = FhirContext.forR4Cached();
		// How many it shares depends on what ran before in this JVM (the test server's warm-up shares them too).
		SharedConformanceStrings.shareCore(ctx);
		DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(ctx);
		assertSame(ele1(core, "Patient"), ele1(core, "Observation"));
	}

	/** The text of the ele-1 constraint ("All FHIR elements must have a @value or children") in a core definition. */
	private static String ele1(DefaultProfileValidationSupport core, String type) {
		StructureDefinition definition = (StructureDefinition) core.fetchStructureDefinition(
				"http://hl7.org/fhir/StructureDefinition/" + type);
		return definition.getSnapshot().getElement().stream().flatMap(e -> e.getConstraint().stream())
				.filter(c -> "ele-1".equals(c.getKey())).findFirst().orElseThrow().getHumanElement().getValue();
	}

	private static List<Resource> parse() {
		return List.of(IgFiles.parse(IgFiles.PROFILES.resolve(TASK_PROFILE)),
				IgFiles.parse(IgFiles.PROFILES.resolve(VALUE_SET)));
	}

	private static String encode(List<Resource> resources) {
		StringBuilder encoded = new StringBuilder();
		resources.forEach(r -> encoded.append(IgFiles.encode(r)));
		return encoded.toString();
	}
}
