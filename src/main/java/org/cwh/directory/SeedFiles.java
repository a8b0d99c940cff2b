package org.cwh.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.util.FhirTerser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the directory seed from the IG's compiled examples on the classpath ({@code cwh-profiles/}, packaged from
 * {@code profiles/}): every support service ({@code HealthcareService-cwh-support-service-*.json}) and peer specialist
 * ({@code PractitionerRole-cwh-peer-specialist-*.json}), plus, followed transitively, exactly the resources they
 * reference ({@code Organization/x} is read from {@code Organization-x.json}). Referential integrity is on in the
 * store, so the list comes back with every resource after the ones it references. A missing or unreadable file
 * stops the start with one line naming it, as a broken profile does.
 */
final class SeedFiles {

	static final String LOCATION = "cwh-profiles/";
	/** The entries of the directory; what they reference comes along. */
	static final List<String> ENTRIES =
			List.of("HealthcareService-cwh-support-service-*.json", "PractitionerRole-cwh-peer-specialist-*.json");

	private SeedFiles() {}

	static List<IBaseResource> load(FhirContext ctx) {
		return load(ctx, SeedFiles.class.getClassLoader());
	}

	static List<IBaseResource> load(FhirContext ctx, ClassLoader classLoader) {
		PathMatchingResourcePatternResolver files = new PathMatchingResourcePatternResolver(classLoader);
		// Our own lenient parser, as ProfilePackage does: the server's context refuses unknown elements in requests.
		IParser parser = ctx.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
		Map<String, IBaseResource> ordered = new LinkedHashMap<>();
		for (String pattern : ENTRIES) {
			Resource[] found;
			try {
				found = files.getResources("classpath*:" + LOCATION + pattern);
			} catch (IOException e) {
				throw new IllegalStateException("directory: cannot list " + LOCATION + pattern + ": " + e.getMessage());
			}
			if (found.length == 0) {
				throw new IllegalStateException("directory: no " + LOCATION + pattern + " on the classpath; was the jar "
						+ "built from a checkout with profiles/?");
			}
			List<Resource> sorted = new ArrayList<>(List.of(found));
			sorted.sort((a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
			for (Resource file : sorted) {
				add(parse(parser, file), ctx, files, parser, ordered, new ArrayList<>());
			}
		}
		return List.copyOf(ordered.values());
	}

	/** Adds what {@code resource} references (depth first), then the resource itself. */
	private static void add(IBaseResource resource, FhirContext ctx, PathMatchingResourcePatternResolver files,
			IParser parser, Map<String, IBaseResource> ordered, List<String> path) {
		String key = ctx.getResourceType(resource) + "/" + resource.getIdElement().getIdPart();
		if (ordered.containsKey(key)) {
			return;
		}
		if (path.contains(key)) {
			throw new IllegalStateException("directory: reference cycle " + String.join(" -> ", path) + " -> " + key);
		}
		path.add(key);
		FhirTerser terser = ctx.newTerser();
		for (var ref : terser.getAllResourceReferences(resource)) {
			IIdType target = ref.getResourceReference().getReferenceElement();
			if (target.isEmpty() || target.isLocal() || !target.hasResourceType() || target.isAbsolute()) {
				continue; // contained, logical (identifier only) or external: nothing to store
			}
			String file = target.getResourceType() + "-" + target.getIdPart() + ".json";
			Resource found = files.getResource("classpath:" + LOCATION + file);
			if (!found.exists()) {
				throw new IllegalStateException("directory: " + key + " references " + target.toUnqualifiedVersionless()
						+ ", but " + LOCATION + file + " is not on the classpath");
			}
			add(parse(parser, found), ctx, files, parser, ordered, path);
		}
		path.remove(path.size() - 1);
		ordered.put(key, resource);
	}

	private static IBaseResource parse(IParser parser, Resource file) {
		try (InputStream in = file.getInputStream()) {
			return parser.parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		} catch (IOException | RuntimeException e) {
			throw new IllegalStateException("directory: cannot load " + LOCATION + file.getFilename() + ": "
					+ String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
		}
	}
}
