package org.cwh;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cwh.config.ErrorCode;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md §6: every CWH error code is unique across all features (each keeps its own enum implementing
 * {@link ErrorCode}; this finds them all), and the IG's CodeSystem cwh-error defines each one, so a client can look
 * a code up. Replaces the hand-kept "last code value" comment of HAPI's Msg.
 */
class ErrorCodesTest {

	@Test
	void everyCodeIsUniqueAndDefinedInTheIg() throws IOException {
		List<ErrorCode> codes = allCodes();
		assertThat(codes).isNotEmpty();
		Map<Integer, String> seen = new HashMap<>();
		for (ErrorCode code : codes) {
			String previous = seen.put(code.number(), code.getClass().getName() + "." + code);
			assertThat(previous).as("CWH-%04d is used twice", code.number()).isNull();
			assertThat(code.template()).isNotBlank();
		}
		CodeSystem defined = FhirContext.forR4Cached().newJsonParser().parseResource(CodeSystem.class,
				Files.readString(Path.of("profiles/CodeSystem-cwh-error.json")));
		List<String> inIg = defined.getConcept().stream().map(CodeSystem.ConceptDefinitionComponent::getCode).toList();
		assertThat(inIg).containsExactlyInAnyOrderElementsOf(codes.stream().map(ErrorCode::code).toList());
	}

	private static List<ErrorCode> allCodes() {
		List<ErrorCode> codes = new ArrayList<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.cwh")) {
			if (type.isEnum() && type.isAssignableTo(ErrorCode.class)) {
				for (Object constant : type.reflect().getEnumConstants()) {
					codes.add((ErrorCode) constant);
				}
			}
		}
		return codes;
	}
}
