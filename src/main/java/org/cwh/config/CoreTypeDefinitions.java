package org.cwh.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupportWrapper;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;

/**
 * Where each R4 core type sits in the type hierarchy: its name, kind, whether it is abstract, and the type it
 * specializes. This is all a FHIRPath engine reads of the core StructureDefinitions while it evaluates search
 * parameter expressions: the type names when it is built, then the base types when an expression tests or casts a
 * type ({@code Resource.id}, {@code value as Quantity}). HAPI hands the engine all 649 core StructureDefinitions,
 * which means parsing 32 MB of XML, one to two seconds of a start on two cores, for the few fields this table holds.
 * The table is {@code core-types-r4.tsv} beside this class; {@code CoreTypeDefinitionsTest} checks it against the
 * parsed definitions HAPI ships, so a HAPI upgrade that changes them fails the build instead of the engine.
 * {@link #over} puts it in front of a validation support; used by {@link CoreTypesSearchParamExtractor}.
 */
public final class CoreTypeDefinitions {

	static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
	static final String TABLE = "core-types-r4.tsv";

	private final Map<String, StructureDefinition> byUrl;
	private final List<StructureDefinition> specializations;

	private CoreTypeDefinitions(Map<String, StructureDefinition> byUrl) {
		this.byUrl = byUrl;
		this.specializations = byUrl.values().stream()
				.filter(sd -> sd.getDerivation() == TypeDerivationRule.SPECIALIZATION).toList();
	}

	/** Reads the table from the classpath. */
	public static CoreTypeDefinitions r4() {
		try (InputStream in = CoreTypeDefinitions.class.getResourceAsStream(TABLE)) {
			if (in == null) {
				throw new IllegalStateException(TABLE + " is missing from the classpath");
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** One type per line: name, kind, abstract, base type ({@code -} for none), derivation ({@code -} for none). */
	static CoreTypeDefinitions parse(List<String> lines) {
		Map<String, StructureDefinition> byUrl = new LinkedHashMap<>();
		for (String line : lines) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.split("\t");
			if (f.length != 5) {
				throw new IllegalStateException(TABLE + ": not five columns: " + line);
			}
			StructureDefinition sd = new StructureDefinition();
			sd.setUrl(CORE + f[0]).setName(f[0]).setType(f[0]).setStatus(PublicationStatus.ACTIVE);
			sd.setKind(StructureDefinitionKind.fromCode(f[1])).setAbstract(Boolean.parseBoolean(f[2]));
			if (!"-".equals(f[3])) {
				sd.setBaseDefinition(CORE + f[3]);
			}
			if (!"-".equals(f[4])) {
				sd.setDerivation(TypeDerivationRule.fromCode(f[4]));
			}
			byUrl.put(sd.getUrl(), sd);
		}
		return new CoreTypeDefinitions(byUrl);
	}

	/** The table's line for one definition, in the table's format. */
	static String line(StructureDefinition sd) {
		String base = sd.hasBaseDefinition() ? sd.getBaseDefinition().substring(CORE.length()) : "-";
		String derivation = sd.hasDerivation() ? sd.getDerivation().toCode() : "-";
		return String.join("\t", sd.getName(), sd.getKind().toCode(), String.valueOf(sd.getAbstract()), base,
				derivation);
	}

	List<StructureDefinition> all() {
		return List.copyOf(byUrl.values());
	}

	/**
	 * {@code real} with core type definitions answered from this table: all structure definitions are the core
	 * specializations (what a FHIRPath engine's constructor walks), and a core type's URL gives its table entry.
	 * Everything else (profiles, extensions, terminology) goes to {@code real}. Only for FHIRPath engines: the
	 * entries have no elements, so a validator or snapshot generator must never be given this.
	 */
	public IValidationSupport over(FhirContext ctx, IValidationSupport real) {
		return new TypeHierarchyOnly(ctx, real);
	}

	private final class TypeHierarchyOnly extends BaseValidationSupportWrapper {

		TypeHierarchyOnly(FhirContext ctx, IValidationSupport real) {
			super(ctx, real);
		}

		@Override
		public String getName() {
			return "CWH R4 core type hierarchy";
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
			return (List<T>) new ArrayList<>(specializations);
		}

		@Override
		public IBaseResource fetchStructureDefinition(String url) {
			StructureDefinition known = byUrl.get(url);
			return known != null ? known : super.fetchStructureDefinition(url);
		}

		@Override
		public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
			StructureDefinition known = type == StructureDefinition.class ? byUrl.get(uri) : null;
			return known != null ? type.cast(known) : super.fetchResource(type, uri);
		}
	}
}
