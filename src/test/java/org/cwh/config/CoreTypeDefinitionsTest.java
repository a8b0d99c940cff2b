package org.cwh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.junit.jupiter.api.Test;

/**
 * The core type table against the core StructureDefinitions HAPI ships, and FHIRPath answering the same over the
 * table as over those definitions.
 */
class CoreTypeDefinitionsTest {

	private static final FhirContext ctx = FhirContext.forR4Cached();
	private static final List<StructureDefinition> core =
			new DefaultProfileValidationSupport(ctx).fetchAllStructureDefinitions();
	private static final CoreTypeDefinitions table = CoreTypeDefinitions.r4();

	/** What the table must hold: every specialization, and the two roots (Resource, Element), which have none. */
	private static List<String> expectedLines() {
		return core.stream()
				.filter(sd -> !sd.hasDerivation() || sd.getDerivation() == TypeDerivationRule.SPECIALIZATION)
				.map(CoreTypeDefinitions::line).sorted().toList();
	}

	@Test
	void theTableIsTheCoreTypesHapiShips() {
		List<String> expected = expectedLines();
		List<String> actual = table.all().stream().map(CoreTypeDefinitions::line).sorted().toList();
		// On a HAPI upgrade: replace the table's lines with the expected ones below.
		assertEquals(String.join("\n", expected), String.join("\n", actual));
		assertEquals(210, actual.size());
	}

	@Test
	void everyEntryIsAtItsCoreUrlWithItsNameAsType() {
		for (StructureDefinition sd : core) {
			if (!sd.hasDerivation() || sd.getDerivation() == TypeDerivationRule.SPECIALIZATION) {
				assertEquals(CoreTypeDefinitions.CORE + sd.getName(), sd.getUrl());
				assertEquals(sd.getName(), sd.getType());
			}
		}
	}

	@Test
	void theWrapperAnswersCoreTypesFromTheTableAndTheRestFromTheRealSupport() {
		IValidationSupport real = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx));
		IValidationSupport light = table.over(ctx, real);

		List<StructureDefinition> all = light.fetchAllStructureDefinitions();
		assertEquals(expectedLines().size() - 2, all.size(), "specializations only, as the engine walks them");
		StructureDefinition patient = (StructureDefinition) light.fetchStructureDefinition(
				CoreTypeDefinitions.CORE + "Patient");
		assertFalse(patient.hasSnapshot());
		assertSame(patient, light.fetchResource(StructureDefinition.class, CoreTypeDefinitions.CORE + "Patient"));
		// A constraint profile is not in the table: it comes whole from the real support.
		StructureDefinition simpleQuantity = (StructureDefinition) light.fetchStructureDefinition(
				CoreTypeDefinitions.CORE + "SimpleQuantity");
		assertTrue(simpleQuantity.hasSnapshot());
		assertNull(light.fetchStructureDefinition(CoreTypeDefinitions.CORE + "NoSuchType"));
	}

	@Test
	void fhirPathGivesTheSameValuesOverTheTableAsOverTheDefinitions() {
		IValidationSupport real = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx));
		FHIRPathEngine overDefinitions = new FHIRPathEngine(new HapiWorkerContext(ctx, real));
		FHIRPathEngine overTable = new FHIRPathEngine(new HapiWorkerContext(ctx, table.over(ctx, real)));

		Patient patient = new Patient();
		patient.setId("p1");
		patient.addName().setFamily("Rivera");
		Observation observation = new Observation();
		observation.setId("o1");
		observation.setValue(new Quantity(7).setUnit("score"));
		observation.getSubject().setReference("Patient/p1");
		Bundle bundle = new Bundle();
		bundle.setId("b1");
		SearchParameter parameter = new SearchParameter();
		parameter.setId("s1");
		parameter.addUseContext().setValue(new Quantity(3));

		List<String> expressions = List.of("Resource.id", "DomainResource.text", "Patient.name.family",
				"Observation.value as Quantity", "Observation.value is Quantity", "Observation.value is Element",
				"Observation.value.ofType(Quantity)", "Observation.value.ofType(Range)", "Bundle.id",
				"(SearchParameter.useContext.value as Quantity) | (SearchParameter.useContext.value as Range)",
				"Observation.subject.where(resolve() is Patient)", "Patient is DomainResource",
				"Bundle is DomainResource", "Patient.id is string", "Patient.name.family is string");
		for (Resource resource : List.of(patient, observation, bundle, parameter)) {
			for (String expression : expressions) {
				List<Base> expected = overDefinitions.evaluate(resource, expression);
				List<Base> actual = overTable.evaluate(resource, expression);
				assertEquals(expected.size(), actual.size(), resource.fhirType() + ": " + expression);
				for (int i = 0; i < expected.size(); i++) {
					assertTrue(expected.get(i).equalsDeep(actual.get(i)), resource.fhirType() + ": " + expression);
				}
			}
		}
		assertEquals(List.of("Rivera"), values(overTable, patient, "Patient.name.family"));
		assertEquals(List.of("true"), values(overTable, patient, "Patient is DomainResource"));
		assertEquals(List.of("false"), values(overTable, bundle, "Bundle is DomainResource"));
	}

	private static List<String> values(FHIRPathEngine engine, Resource resource, String expression) {
		return engine.evaluate(resource, expression).stream().map(Base::primitiveValue).toList();
	}

	@Test
	void theExtractorsEngineKnowsTheTypesItWouldHaveLearnedFromTheDefinitions() {
		// The engine's constructor keeps the names of specializations that are not logical models; the table gives
		// it exactly those.
		String fromDefinitions = core.stream()
				.filter(sd -> sd.getDerivation() == TypeDerivationRule.SPECIALIZATION
						&& sd.getKind() != StructureDefinition.StructureDefinitionKind.LOGICAL)
				.map(StructureDefinition::getName).sorted().collect(Collectors.joining(","));
		List<StructureDefinition> given = table.over(ctx, new ValidationSupportChain()).fetchAllStructureDefinitions();
		String fromTable = given.stream()
				.filter(sd -> sd.getKind() != StructureDefinition.StructureDefinitionKind.LOGICAL)
				.map(StructureDefinition::getName).sorted().collect(Collectors.joining(","));
		assertEquals(fromDefinitions, fromTable);
		assertTrue(fromTable.contains("Patient") && fromTable.contains("string") && fromTable.contains("xhtml"));
	}
}
