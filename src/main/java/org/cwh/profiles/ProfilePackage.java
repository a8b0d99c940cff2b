package org.cwh.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.subscription.SubscriptionConstants;
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
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The conformance resources of the CWH IG as packaged in the jar under {@code cwh-profiles/} (StructureDefinitions,
 * ValueSets, CodeSystems, SearchParameters, Measures), its R4 subscription topics (Basic resources coded
 * {@code fhir-types#SubscriptionTopic}, as HAPI stores topics in R4), and the examples beside them for warming the
 * validator only. Read from the classpath, so it works offline and from any working directory. A file that cannot be read or parsed stops the server with one line
 * naming it. (Its exceptions carry no cause on purpose: {@code Main} prints the root cause's message, and that
 * must be this line.)
 */
final class ProfilePackage {

	static final String LOCATION = "cwh-profiles/";
	/** What the server loads, in the order it stores them: code systems before the value sets that use them. */
	static final List<String> CONFORMANCE_TYPES = List.of("CodeSystem", "ValueSet", "StructureDefinition",
			"SearchParameter", "Measure");
	/** What the validation chain needs of them; the rest is only stored. */
	static final Set<String> VALIDATION_TYPES = Set.of("CodeSystem", "ValueSet", "StructureDefinition");
	/** Basic.code of an R4 subscription topic, the search HAPI's R4SubscriptionTopicLoader runs. */
	static final String TOPIC_SYSTEM = "http://hl7.org/fhir/fhir-types";
	static final String TOPIC_CODE = "SubscriptionTopic";
	/** The topic's canonical URL, as HAPI's SubscriptionTopicCanonicalizer reads it (SubscriptionConstants). */
	static final String TOPIC_URL_EXTENSION = SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_TOPIC_URL;

	private final List<MetadataResource> resources;
	private final List<Basic> topics;
	private final List<IBaseResource> examples;

	private ProfilePackage(List<MetadataResource> resources, List<Basic> topics, List<IBaseResource> examples) {
		this.resources = List.copyOf(resources);
		this.topics = List.copyOf(topics);
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
		Map<String, Basic> topics = new TreeMap<>();
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
			} else if (parsed instanceof Basic basic && isTopic(basic)) {
				String url = topicUrl(basic);
				if (!Canonical.isOurs(url)) {
					throw new IllegalStateException("profiles: " + LOCATION + name + " is a subscription topic with url "
							+ url + ", outside our canonical " + Canonical.base());
				}
				topics.put(name, basic);
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
		return new ProfilePackage(resources, new ArrayList<>(topics.values()), new ArrayList<>(examples.values()));
	}

	static boolean isTopic(Basic basic) {
		return basic.getCode().getCoding().stream()
				.anyMatch(c -> TOPIC_SYSTEM.equals(c.getSystem()) && TOPIC_CODE.equals(c.getCode()));
	}

	/** The topic's canonical URL, or null when it has none. */
	static String topicUrl(Basic topic) {
		Extension url = topic.getExtensionByUrl(TOPIC_URL_EXTENSION);
		return url == null || url.getValue() == null ? null : url.getValue().primitiveValue();
	}

	private static String oneLine(String message) {
		return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
	}

	/** Every conformance resource, code systems first, then value sets, profiles, search parameters and measures. */
	List<MetadataResource> resources() {
		return resources;
	}

	/** The IG's R4 subscription topics, stored under their own ids for HAPI's topic loader and for clients. */
	List<Basic> topics() {
		return topics;
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
