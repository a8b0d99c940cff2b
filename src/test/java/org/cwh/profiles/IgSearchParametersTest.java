package org.cwh.profiles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.dao.validation.SearchParameterDaoValidator;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.hapi.converters.canonical.VersionCanonicalizer;
import java.util.List;
import org.hl7.fhir.r4.model.SearchParameter;
import org.junit.jupiter.api.Test;

/**
 * The IG's SearchParameters pass HAPI's own write-time check, with expression checking on: the server stores them at
 * start with that check off ({@link ProfileStore}), so this is where a bad expression in {@code ig/} is caught.
 */
class IgSearchParametersTest {

	private static final FhirContext ctx = FhirContext.forR4Cached();

	private static final SearchParameterDaoValidator hapiCheck =
			new SearchParameterDaoValidator(ctx, new JpaStorageSettings(), null);

	private static final VersionCanonicalizer canonical = new VersionCanonicalizer(ctx);

	private static List<SearchParameter> igSearchParameters() {
		return ProfilePackage.load(ctx).resources().stream()
				.filter(SearchParameter.class::isInstance).map(SearchParameter.class::cast).toList();
	}

	@Test
	void everyIgSearchParameterPassesHapisCheckWithExpressionsChecked() {
		List<SearchParameter> parameters = igSearchParameters();
		assertFalse(parameters.isEmpty(), "the IG has search parameters");
		for (SearchParameter parameter : parameters) {
			assertDoesNotThrow(() -> hapiCheck.validate(canonical.searchParameterToCanonical(parameter)),
					parameter.getUrl());
		}
	}

	@Test
	void theSameCheckRefusesAnExpressionThatDoesNotParse() {
		SearchParameter broken = igSearchParameters().get(0).copy();
		broken.setExpression(broken.getExpression() + ".where(");
		assertThrows(UnprocessableEntityException.class,
				() -> hapiCheck.validate(canonical.searchParameterToCanonical(broken)));
	}
}
