package org.cwh.profiles;

import static org.cwh.testing.CwhServerExtension.fhir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cwh.testing.CwhServerExtension;
import org.cwh.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enforcing our profiles leaves other IGs' traffic alone: the published example instances of SDOH Clinical Care,
 * BSeR and US Core (the team's fixtures, {@code ig-examples/}, see its SOURCES.md), with their own
 * {@code meta.profile} stripped, are stored as plain R4. Each is PUT under its own id, resources before the
 * resources that reference them, so the examples provide each other's reference targets.
 *
 * <p>Some cannot be stored for reasons that have nothing to do with profiles; each such reason is listed in
 * {@link #EXPECTED_REFUSALS} with HAPI's message code; any other refusal (above all a 422 from profile validation)
 * fails the test. Definitions (StructureDefinition, ValueSet, CodeSystem, SearchParameter) are not posted: storing
 * another IG's definitions would change what the shared test server validates against.
 */
@ExtendWith(CwhServerExtension.class)
class PublicExamplesIT {

	private static final List<String> FOLDERS =
			List.of("ig-examples/sdoh-clinicalcare/json", "ig-examples/bser/json-converted-from-xml", "ig-examples/us-core");
	private static final Set<String> DEFINITIONS =
			Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter", "Subscription");
	private static final Pattern HAPI_CODE = Pattern.compile("(HAPI|CWH)-(\\d{4})");
	private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([A-Za-z]+/[^\"/]+)\"");

	/**
	 * The examples that cannot be stored, each with HAPI's message code. None of them is about profiles:
	 * HAPI-0522, HAPI stores Bundles only of type document, message or collection (these are searchsets);
	 * HAPI-0960, HAPI lets no client assign a purely numeric id;
	 * HAPI-1094, a reference to a resource that is in none of the example folders (referential integrity is on);
	 * CWH-1007, a handoff Task (code fulfill) is created requested and moved on by its owner (the workflow's state
	 * table), and SDOH Clinical Care's referral Tasks are snapshots of later states.
	 */
	private static final Map<String, String> EXPECTED_REFUSALS = new TreeMap<>(Map.ofEntries(
			Map.entry("Bundle/66c8856b-ba11-4876-8aa8-467aad8c11a2", "HAPI-0522"),
			Map.entry("Bundle/allergyintolerance-provenance-example1", "HAPI-0522"),
			Map.entry("Bundle/allergyintolerance-provenance-example2", "HAPI-0522"),
			Map.entry("Bundle/docref-example-1", "HAPI-0522"),
			Map.entry("Bundle/docref-example-2", "HAPI-0522"),
			Map.entry("Encounter/1036", "HAPI-0960"),
			Map.entry("MessageHeader/messageheader-BSeR-ReferralMessageHeader", "HAPI-1094"),
			Map.entry("Observation/bp-data-absent", "HAPI-1094"),
			Map.entry("ServiceRequest/chest-xray", "HAPI-1094"),
			Map.entry("ServiceRequest/servicerequest-dnr-example1", "HAPI-1094"),
			Map.entry("Task/task-BSeR-ReferralTask", "HAPI-1094"),
			Map.entry("Task/SDOHCC-TaskReferralManagementOrderFulfillmentAcceptedExample", "CWH-1007"),
			Map.entry("Task/SDOHCC-TaskReferralManagementOrderFulfillmentCompletedExample", "CWH-1007"),
			Map.entry("Task/SDOHCC-TaskReferralManagementOrderSubtaskAcceptedExample", "CWH-1007"),
			Map.entry("Task/SDOHCC-TaskReferralManagementOrderSubtaskCompletedExample", "CWH-1007")));

	private static final ObjectMapper json = new ObjectMapper();

	@Test
	void everyExampleIsStoredOrRefusedForADocumentedReason() {
		Map<String, ObjectNode> examples = examples();
		Map<String, String> refused = new TreeMap<>();
		List<String> pending = dependencyOrder(examples);
		// A second pass for what a reference cycle held back; after that a refusal is final.
		for (int pass = 0; pass < 2 && !pending.isEmpty(); pass++) {
			List<String> again = new ArrayList<>();
			for (String key : pending) {
				Response response = fhir().body(examples.get(key).toString()).put("/" + key);
				if (response.statusCode() == 200 || response.statusCode() == 201) {
					refused.remove(key);
					continue;
				}
				String body = response.asString();
				Matcher code = HAPI_CODE.matcher(body);
				// Profile validation's refusals (422) carry no code, so they cannot pass as expected.
				refused.put(key, code.find() ? code.group(1) + "-" + code.group(2)
						: response.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
				again.add(key);
			}
			pending = again;
		}
		assertEquals(EXPECTED_REFUSALS, refused);
		assertTrue(examples.size() > 300, "only " + examples.size() + " examples found under " + FOLDERS);
	}

	/** {@code Type/id} → the example with foreign {@code meta.profile} removed, from every folder. */
	private static Map<String, ObjectNode> examples() {
		Map<String, ObjectNode> byKey = new TreeMap<>();
		for (String folder : FOLDERS) {
			try (Stream<Path> files = Files.walk(Fixtures.dir(folder))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
					ObjectNode resource = (ObjectNode) json.readTree(file.toFile());
					String type = resource.path("resourceType").asText();
					if (DEFINITIONS.contains(type) || !resource.hasNonNull("id")) {
						continue;
					}
					stripForeignProfiles(resource);
					byKey.put(type + "/" + resource.get("id").asText(), resource);
				}
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return byKey;
	}

	/** Removes every {@code meta.profile} that is not ours, in the resource and anything nested in it. */
	private static void stripForeignProfiles(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.get("meta") instanceof ObjectNode meta && meta.get("profile") instanceof ArrayNode profiles) {
				ArrayNode kept = json.createArrayNode();
				profiles.forEach(p -> {
					if (Canonical.isOurs(p.asText())) {
						kept.add(p);
					}
				});
				if (kept.isEmpty()) {
					meta.remove("profile");
				} else {
					meta.set("profile", kept);
				}
				if (meta.isEmpty()) {
					object.remove("meta");
				}
			}
			object.elements().forEachRemaining(PublicExamplesIT::stripForeignProfiles);
		} else if (node instanceof ArrayNode array) {
			array.forEach(PublicExamplesIT::stripForeignProfiles);
		}
	}

	private static List<String> dependencyOrder(Map<String, ObjectNode> examples) {
		LinkedHashMap<String, Boolean> ordered = new LinkedHashMap<>();
		for (String key : examples.keySet()) {
			visit(key, examples, ordered, new ArrayList<>());
		}
		return new ArrayList<>(ordered.keySet());
	}

	private static void visit(String key, Map<String, ObjectNode> examples, LinkedHashMap<String, Boolean> ordered,
			List<String> path) {
		if (ordered.containsKey(key) || path.contains(key) || !examples.containsKey(key)) {
			return;
		}
		path.add(key);
		Matcher m = REFERENCE.matcher(examples.get(key).toString());
		while (m.find()) {
			visit(m.group(1), examples, ordered, path);
		}
		ordered.put(key, true);
	}
}
