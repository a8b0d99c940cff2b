package org.cwh.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The conformance resources of the CWH IG as packaged in the jar under {@code cwh-profiles/} (StructureDefinitions,
 * ValueSets, CodeSystems, SearchParameters), and the examples beside them for warming the validator only. Read from the classpath, so it
 * works offline and from any working directory. A file that cannot be read or parsed stops the server with one line
 * naming it. (Its exceptions carry no cause on purpose: {@code Main} prints the root cause's message, and that
 * must be this line.)
 */
final class ProfilePackage {

	static final String LOCATION = "cwh-profiles/";
	/** What the server loads, in the order it stores them: code systems before the value sets that use them. */
	static final List<String> CONFORMANCE_TYPES = List.of("CodeSystem", "ValueSet", "StructureDefinition",
			"SearchParameter");

	private final List<MetadataResource> resources;
	private final List<IBaseResource> examples;

	private ProfilePackage(List<MetadataResource> resources, List<IBaseResource> examples) {
		this.resources = List.copyOf(resources);
		this.examples = List.copyOf(examples);
	}

	static ProfilePackage load(FhirContext ctx) {
		return load(ctx, ProfilePackage.class.getClassLoader());
	}

	static ProfilePackage load(FhirContext ctx, ClassLoader classLoader) {
		org.springframework.core.io.Resource[] files;
		try {
			files = new PathMatchingResourcePatternResolver(classLoader)
					.getResources("classpath*:" + LOCATION + "*.json");
		} catch (IOException e) {
			throw new IllegalStateException("profiles: cannot list " + LOCATION + " on the classpath: " + e.getMessage());
		}
		// A parser of our own: the server's context refuses unknown elements in requests, and a profile we
		// generated ourselves is not a request. It is still strict about anything it cannot parse.
		IParser parser = ctx.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
		Map<String, MetadataResource> byFile = new TreeMap<>();
		Map<String, IBaseResource> examples = new TreeMap<>();
		for (org.springframework.core.io.Resource file : files) {
			String name = file.getFilename();
			IBaseResource parsed;
			try (InputStream in = file.getInputStream()) {
				parsed = parser.parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			} catch (IOException | RuntimeException e) {
				throw new IllegalStateException("profiles: cannot load " + LOCATION + name + ": " + oneLine(e.getMessage()));
			}
			if (parsed instanceof MetadataResource conformance
					&& CONFORMANCE_TYPES.contains(conformance.fhirType())) {
				if (!Canonical.isOurs(conformance.getUrl())) {
					throw new IllegalStateException("profiles: " + LOCATION + name + " has url " + conformance.getUrl()
							+ ", outside our canonical " + Canonical.base());
				}
				byFile.put(name, conformance);
			} else if (parsed.getMeta().getProfile().stream().anyMatch(p -> Canonical.isOurs(p.getValue()))) {
				examples.put(name, parsed);
			}
		}
		List<MetadataResource> resources = new ArrayList<>(byFile.values());
		if (resources.stream().noneMatch(r -> r instanceof StructureDefinition)) {
			throw new IllegalStateException("profiles: no StructureDefinition found under " + LOCATION
					+ " on the classpath; was the jar built from a checkout with profiles/?");
		}
		resources.sort(Comparator.comparing((MetadataResource r) -> CONFORMANCE_TYPES.indexOf(r.fhirType())));
		return new ProfilePackage(resources, new ArrayList<>(examples.values()));
	}

	private static String oneLine(String message) {
		return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
	}

	/** Every conformance resource, code systems first, then value sets, profiles and search parameters. */
	List<MetadataResource> resources() {
		return resources;
	}

	/**
	 * The IG's examples that claim one of our profiles. Never stored; the validator is warmed on them, since a
	 * realistic instance exercises far more of it (slices, bindings, invariants) than an empty one.
	 */
	List<IBaseResource> examples() {
		return examples;
	}

	/** Our profiles of resources (not extensions), by the resource type they constrain. */
	Map<String, List<String>> profilesByType() {
		Map<String, List<String>> byType = new TreeMap<>();
		for (MetadataResource r : resources) {
			if (r instanceof StructureDefinition sd && sd.getKind() == StructureDefinitionKind.RESOURCE) {
				byType.computeIfAbsent(sd.getType(), k -> new ArrayList<>()).add(sd.getUrl());
			}
		}
		return byType;
	}

	Set<String> profiledTypes() {
		return profilesByType().keySet();
	}
}
