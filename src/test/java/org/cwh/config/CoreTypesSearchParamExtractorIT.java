package org.cwh.config;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import java.util.UUID;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node indexes with {@link CoreTypesSearchParamExtractor}, searches that test or cast a type find what they should,
 * and the FhirContext kept its own validation support (the table only ever stood in for one call).
 */
@ExtendWith(CwhServerExtension.class)
class CoreTypesSearchParamExtractorIT {

	@Test
	void theNodesExtractorIsTheCoreTypesOne() {
		assertInstanceOf(CoreTypesSearchParamExtractor.class,
				CwhServerExtension.server().bean(ISearchParamExtractor.class));
		String support = CwhServerExtension.server().bean(FhirContext.class).getValidationSupport().getName();
		assertNotEquals("CWH R4 core type hierarchy", support);
	}

	@Test
	void searchesOverCastsAndBaseTypesFindTheResource() {
		String unit = "u" + UUID.randomUUID().toString().substring(0, 8);
		String id = fhir().body("""
				{"resourceType":"Observation","status":"final","code":{"text":"PHQ-9 total"},
				 "valueQuantity":{"value":17,"unit":"%s","system":"http://example.org/units","code":"%s"}}"""
				.formatted(unit, unit)).post("/Observation").then().statusCode(201).extract().path("id");

		// value-quantity is "(Observation.value as Quantity) | (Observation.value as SampledData)".
		fhir().get("/Observation?value-quantity=17|http://example.org/units|" + unit).then().statusCode(200)
				.body("entry.resource.id", contains(id));
		fhir().get("/Observation?value-quantity=18|http://example.org/units|" + unit).then().statusCode(200)
				.body("total", org.hamcrest.Matchers.equalTo(0));
		// _id is "Resource.id": Observation reaches Resource through DomainResource.
		assertEquals(id, fhir().get("/Observation?_id=" + id).then().statusCode(200).extract()
				.path("entry[0].resource.id"));
	}
}
