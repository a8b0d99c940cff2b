package org.cwh.profiles;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;

/** The IG's compiled files in {@code profiles/} and the must-fail fixtures, as the HTTP tests need them. */
final class IgFiles {

	static final Path PROFILES = Path.of("profiles");
	static final Path FIXTURES_CSV = Path.of("src/test/resources/profiles/profile-fixtures.csv");
	static final Set<String> CONFORMANCE_TYPES =
			Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter", "Measure");
	static final String TRANSACTION_EXAMPLE = "Bundle-cwh-referral-transaction.json";

	private static final FhirContext ctx = FhirContext.forR4Cached();

	private IgFiles() {}

	/** One row of profile-fixtures.csv: file,profileId,expect,issueCode,expression. */
	record Fixture(String file, String profileId, boolean mustPass, String issueCode, String expression) {

		static List<Fixture> all() {
			try {
				return Files.readAllLines(FIXTURES_CSV, StandardCharsets.UTF_8).stream().skip(1)
						.filter(line -> !line.isBlank())
						.map(line -> line.split(",", -1))
						.map(f -> new Fixture(f[0], f[1], f[2].equals("PASS"), f[3], f[4]))
						.toList();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		String resourceType() {
			return parse(Path.of(file)).fhirType();
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Resource parse(Path file) {
		return (Resource) ctx.newJsonParser().parseResource(read(file));
	}

	static Resource parse(String json) {
		return (Resource) ctx.newJsonParser().parseResource(json);
	}

	static String encode(Resource resource) {
		return ctx.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
	}

	/** Every file in profiles/ by name. */
	static Map<String, Resource> all() {
		Map<String, Resource> byName = new TreeMap<>();
		try (Stream<Path> files = Files.list(PROFILES)) {
			files.filter(f -> f.toString().endsWith(".json"))
					.forEach(f -> byName.put(f.getFileName().toString(), parse(f)));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return byName;
	}

	/** The IG's R4 subscription topics (Basic coded fhir-types#SubscriptionTopic) by file name. */
	static Map<String, Basic> topics() {
		Map<String, Basic> result = new TreeMap<>();
		all().forEach((name, r) -> {
			if (r instanceof Basic basic && ProfilePackage.isTopic(basic)) {
				result.put(name, basic);
			}
		});
		return result;
	}

	static Map<String, Resource> conformance() {
		Map<String, Resource> result = new TreeMap<>();
		all().forEach((name, r) -> {
			if (CONFORMANCE_TYPES.contains(r.fhirType())) {
				result.put(name, r);
			}
		});
		return result;
	}

	/**
	 * The example instances a client would store, ordered so that every resource comes after the examples it
	 * references (a depth-first topological sort over {@code Type/id} references). Not the Bundles, not the topics
	 * (the server stores those itself), and not the Subscriptions: storing one asks the server to notify an endpoint
	 * that does not exist.
	 */
	static LinkedHashMap<String, Resource> examplesInDependencyOrder() {
		Map<String, Resource> examples = new TreeMap<>();
		Map<String, String> nameByRef = new TreeMap<>();
		all().forEach((name, r) -> {
			if (!CONFORMANCE_TYPES.contains(r.fhirType()) && !(r instanceof Bundle) && !(r instanceof Subscription)
					&& !(r instanceof Basic basic && ProfilePackage.isTopic(basic))) {
				examples.put(name, r);
				nameByRef.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), name);
			}
		});
		LinkedHashMap<String, Resource> ordered = new LinkedHashMap<>();
		for (String name : examples.keySet()) {
			visit(name, examples, nameByRef, ordered, new ArrayList<>());
		}
		return ordered;
	}

	private static void visit(String name, Map<String, Resource> examples, Map<String, String> nameByRef,
			LinkedHashMap<String, Resource> ordered, List<String> path) {
		if (ordered.containsKey(name) || path.contains(name)) {
			return;
		}
		path.add(name);
		Resource resource = examples.get(name);
		for (Reference ref : ctx.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
			String target = ref.getReference() == null ? null : nameByRef.get(ref.getReference());
			if (target != null) {
				visit(target, examples, nameByRef, ordered, path);
			}
		}
		ordered.put(name, resource);
	}

	/**
	 * The transaction example with every business identifier made unique, so each post creates its resources
	 * instead of matching the previous post's through the entries' {@code ifNoneExist}.
	 */
	static String uniqueTransaction(String suffix) {
		String json = read(PROFILES.resolve(TRANSACTION_EXAMPLE));
		Bundle bundle = (Bundle) parse(json);
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			for (Identifier identifier : ctx.newTerser().getAllPopulatedChildElementsOfType(entry.getResource(),
					Identifier.class)) {
				String value = identifier.getValue();
				json = json.replace("\"" + value + "\"", "\"" + value + "-" + suffix + "\"")
						.replace("|" + value + "\"", "|" + value + "-" + suffix + "\"");
			}
		}
		return json;
	}
}
