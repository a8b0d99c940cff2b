package org.cwh.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile input gets success or a 4xx OperationOutcome that says what is wrong: never a 5xx, a hang,
 * a stack trace or a server file's contents; the server stays up and what was stored before stays as it was.
 */
@ExtendWith(CwhServerExtension.class)
class BadInputIT {

	private static final Pattern RESOURCE_TYPE_JSON = Pattern.compile("\"resourceType\"\\s*:\\s*\"(\\w+)\"");
	private static final Pattern ROOT_ELEMENT_XML = Pattern.compile("<([A-Z]\\w+)[\\s>]");

	private static String sentinelId;
	private static String sentinelBody;

	@BeforeAll
	static void storeSentinel() {
		Response created = fhir().body(CrudIT.patient("Sentinel", UUID.randomUUID().toString())).post("/Patient");
		created.then().statusCode(201);
		sentinelId = created.jsonPath().getString("id");
		sentinelBody = fhir().get("/Patient/" + sentinelId).asString();
	}

	@AfterAll
	static void sentinelUnchangedAndServerUp() {
		fhir().get("/Patient/" + sentinelId).then().statusCode(200).header("ETag", equalTo("W/\"1\""));
		assertThat(fhir().get("/Patient/" + sentinelId).asString()).isEqualTo(sentinelBody);
		RestAssured.given().baseUri(CwhServerExtension.server().baseUrl().replace("/fhir", ""))
				.get("/health/ready").then().statusCode(200);
	}

	static Stream<Path> malformed() {
		return Fixtures.files("malformed").stream();
	}

	static Stream<Path> hapiTestBundles() {
		return Fixtures.files("conformance/hapi-fhir-test-resources").stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void malformedFileGetsSuccessOrClearClientError(Path file) throws IOException {
		byte[] body = Files.readAllBytes(file);
		String name = file.getFileName().toString();
		String contentType = name.endsWith(".xml") ? "application/fhir+xml"
				: name.endsWith(".ndjson") ? "application/fhir+ndjson" : "application/fhir+json";
		Response response = fhir().contentType(contentType).accept("application/fhir+json")
				.body(body).post("/" + resourceTypeOf(new String(body, StandardCharsets.UTF_8)));
		assertSuccessOrClientError(response);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hapiTestBundles")
	void hapiTestBundleGetsSuccessOrClearClientError(Path file) throws IOException {
		Response response = fhir().body(Files.readAllBytes(file)).post("/");
		assertSuccessOrClientError(response);
	}

	@Test
	void xmlWithDoctypeIsRefused() {
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE Patient [<!ENTITY name SYSTEM "file:///etc/hostname">]>
				<Patient xmlns="http://hl7.org/fhir"><name><family value="&name;"/></name></Patient>""";
		Response response = fhir().contentType("application/fhir+xml").body(xml).post("/Patient");
		response.then().statusCode(400).body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("DOCTYPE"));
	}

	@Test
	void bodyOverTheLimitGets413() {
		byte[] big = new byte[21 * 1024 * 1024];
		Arrays.fill(big, (byte) ' ');
		fhir().body(big).post("/Patient").then().statusCode(413).body("resourceType", equalTo("OperationOutcome"))
				.body("issue[0].code", equalTo("too-long"));
	}

	@Test
	void chunkedBodyOverTheLimitGets413() {
		byte[] big = new byte[21 * 1024 * 1024];
		Arrays.fill(big, (byte) ' ');
		// An InputStream body goes out chunked, without Content-Length, so only counting while reading catches it.
		fhir().body(new ByteArrayInputStream(big)).post("/Patient").then().statusCode(413);
	}

	@Test
	void unknownElementIsRefusedNotDropped() {
		fhir().body("{\"resourceType\":\"Patient\",\"favouriteColour\":\"blue\"}").post("/Patient").then()
				.statusCode(400).body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("favouriteColour"));
	}

	@Test
	void byteOrderMarkBeforeJsonIsAccepted() {
		byte[] json = CrudIT.patient("Bomtest", UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[json.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(json, 0, withBom, 3, json.length);
		fhir().body(withBom).post("/Patient").then().statusCode(201);
	}

	@Test
	void unknownResourceTypeIsNotFound() {
		fhir().get("/NoSuchType/1").then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
	}

	private static void assertSuccessOrClientError(Response response) {
		int status = response.statusCode();
		String body = response.asString();
		assertThat(status).as(body).isBetween(200, 499);
		assertThat(body).doesNotContain("\tat ").doesNotContain("Exception:\n").doesNotContain("root:x:0:0");
		if (status >= 400) {
			assertThat(response.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
			List<String> diagnostics = response.jsonPath().getList("issue.diagnostics");
			assertThat(diagnostics).isNotEmpty().allSatisfy(d -> assertThat(d).isNotBlank());
		}
	}

	private static String resourceTypeOf(String content) {
		Matcher json = RESOURCE_TYPE_JSON.matcher(content);
		if (json.find()) {
			return json.group(1);
		}
		Matcher xml = ROOT_ELEMENT_XML.matcher(content);
		return xml.find() ? xml.group(1) : "Patient";
	}
}
