import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Writes the FHIR R4 core package {@code hl7.fhir.r4.core#4.0.1} in npm package layout from the definitions inside
 * {@code hapi-fhir-validation-resources-r4}, so SUSHI can compile the IG with no package registry (IG-BUILD.md).
 *
 * <p>Run by {@code ig/build.sh} as a single-file source program: {@code java -cp <project classpath>
 * ig/CorePackage.java <package dir>}. The output is deterministic: files sorted, {@code meta.lastUpdated} cleared.
 */
public class CorePackage {

	/** The bundles in the jar that hold the R4 4.0.1 conformance resources; later entries never replace earlier. */
	private static final String[] BUNDLES = {
		"org/hl7/fhir/r4/model/profile/profiles-types.xml",
		"org/hl7/fhir/r4/model/profile/profiles-resources.xml",
		"org/hl7/fhir/r4/model/profile/profiles-others.xml",
		"org/hl7/fhir/r4/model/extension/extension-definitions.xml",
		"org/hl7/fhir/r4/model/valueset/valuesets.xml",
		"org/hl7/fhir/r4/model/valueset/v3-codesystems.xml",
		"org/hl7/fhir/r4/model/valueset/v2-tables.xml",
		"org/hl7/fhir/r4/model/sp/search-parameters.json",
	};

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: CorePackage <package dir>");
		}
		Path dir = Path.of(args[0]);
		FhirContext ctx = FhirContext.forR4Cached();
		ctx.setParserErrorHandler(new LenientErrorHandler(false));
		IParser json = ctx.newJsonParser().setPrettyPrint(false);

		Map<String, Resource> byFile = new TreeMap<>();
		for (String bundlePath : BUNDLES) {
			try (InputStream in = CorePackage.class.getClassLoader().getResourceAsStream(bundlePath)) {
				if (in == null) {
					throw new IllegalStateException(bundlePath + " is not on the classpath; is "
							+ "hapi-fhir-validation-resources-r4 a dependency?");
				}
				IParser parser = bundlePath.endsWith(".json") ? ctx.newJsonParser() : ctx.newXmlParser();
				Bundle bundle = parser.parseResource(Bundle.class, new InputStreamReader(in, StandardCharsets.UTF_8));
				for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
					Resource resource = entry.getResource();
					if (resource == null || !resource.hasIdElement()) {
						continue;
					}
					// The parser sets the id from fullUrl; the package wants the bare logical id.
					resource.setId(resource.getIdElement().getIdPart());
					resource.getMeta().setLastUpdatedElement(null);
					if (resource.getMeta().isEmpty()) {
						resource.setMeta(null);
					}
					String file = resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
					byFile.putIfAbsent(file, resource);
				}
			}
		}

		Path pkg = dir.resolve("package");
		Files.createDirectories(pkg);
		StringBuilder index = new StringBuilder("{\"index-version\":1,\"files\":[");
		List<String> rows = new ArrayList<>();
		for (Map.Entry<String, Resource> e : byFile.entrySet()) {
			Resource r = e.getValue();
			Files.writeString(pkg.resolve(e.getKey()), json.encodeResourceToString(r), StandardCharsets.UTF_8);
			rows.add(indexRow(e.getKey(), r));
		}
		rows.sort(Comparator.naturalOrder());
		index.append(String.join(",", rows)).append("]}");
		Files.writeString(pkg.resolve(".index.json"), index, StandardCharsets.UTF_8);
		Files.writeString(pkg.resolve("package.json"), """
				{
				  "name": "hl7.fhir.r4.core",
				  "version": "4.0.1",
				  "description": "FHIR R4 4.0.1 definitions, rebuilt from ca.uhn.hapi.fhir:hapi-fhir-validation-resources-r4",
				  "fhirVersions": ["4.0.1"],
				  "type": "Core",
				  "canonical": "http://hl7.org/fhir",
				  "url": "http://hl7.org/fhir/R4",
				  "dependencies": {}
				}
				""", StandardCharsets.UTF_8);
		System.out.println("hl7.fhir.r4.core#4.0.1: " + byFile.size() + " resources in " + pkg);
	}

	private static String indexRow(String file, Resource r) {
		StringBuilder row = new StringBuilder("{");
		field(row, "filename", file);
		field(row, "resourceType", r.fhirType());
		field(row, "id", r.getIdElement().getIdPart());
		field(row, "url", property(r, "url"));
		field(row, "version", property(r, "version"));
		if (r instanceof StructureDefinition sd) {
			field(row, "kind", sd.hasKind() ? sd.getKind().toCode() : null);
			field(row, "type", sd.getType());
			field(row, "derivation", sd.hasDerivation() ? sd.getDerivation().toCode() : null);
		}
		row.setLength(row.length() - 1);
		return row.append('}').toString();
	}

	private static String property(Resource r, String name) {
		var p = r.getNamedProperty(name);
		if (p == null || !p.hasValues()) {
			return null;
		}
		return p.getValues().get(0).primitiveValue();
	}

	private static void field(StringBuilder row, String name, String value) {
		if (value == null) {
			return;
		}
		row.append('"').append(name).append("\":\"")
				.append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",");
	}

	private CorePackage() {
	}
}
