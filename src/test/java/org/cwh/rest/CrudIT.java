package org.cwh.rest;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.util.UUID;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("postgres")
@ExtendWith(CwhServerExtension.class)
class CrudIT {

	static String patient(String family, String identifier) {
		return """
				{"resourceType":"Patient","identifier":[{"system":"urn:cwh:test","value":"%s"}],
				 "name":[{"family":"%s","given":["Ana"]}],"gender":"female","birthDate":"1990-04-02"}"""
				.formatted(identifier, family);
	}

	@Test
	void createReadUpdateVreadDelete() {
		String identifier = UUID.randomUUID().toString();
		Response created = fhir().body(patient("Crudtest", identifier)).post("/Patient");
		created.then().statusCode(201).header("ETag", equalTo("W/\"1\"")).header("Location", notNullValue());
		String id = created.jsonPath().getString("id");

		fhir().get("/Patient/" + id).then().statusCode(200).body("name[0].family", equalTo("Crudtest"));

		fhir().body(patient("Crudtest2", identifier).replace("{\"resourceType\":\"Patient\",",
						"{\"resourceType\":\"Patient\",\"id\":\"" + id + "\","))
				.put("/Patient/" + id)
				.then().statusCode(200).header("ETag", equalTo("W/\"2\""));

		fhir().get("/Patient/" + id + "/_history/1").then().statusCode(200)
				.body("name[0].family", equalTo("Crudtest"));
		fhir().get("/Patient/" + id + "/_history").then().statusCode(200).body("total", equalTo(2));

		fhir().delete("/Patient/" + id).then().statusCode(200);
		fhir().get("/Patient/" + id).then().statusCode(410);
	}

	@Test
	void readOfUnknownIdIsNotFoundWithOutcome() {
		fhir().get("/Patient/does-not-exist-" + UUID.randomUUID()).then().statusCode(404)
				.body("resourceType", equalTo("OperationOutcome"))
				.body("issue[0].diagnostics", containsString("not known"));
	}
}
