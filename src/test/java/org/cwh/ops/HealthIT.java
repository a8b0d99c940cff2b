package org.cwh.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** Liveness and readiness answer 200 JSON outside the FHIR base. */
@ExtendWith(CwhServerExtension.class)
class HealthIT {

	@ParameterizedTest
	@ValueSource(strings = {"/health/live", "/health/ready"})
	void healthEndpointAnswersUp(String path) {
		String root = CwhServerExtension.server().baseUrl().replaceFirst("/fhir$", "");
		RestAssured.given().baseUri(root).get(path).then().statusCode(200)
				.contentType(startsWith("application/json"))
				.body("status", equalTo("UP"));
	}
}
