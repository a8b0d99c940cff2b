package org.cwh.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.searchparam.extractor.SearchParamExtractorR4;

/**
 * HAPI's R4 search-parameter extractor whose FHIRPath engine learns the core types from {@link CoreTypeDefinitions}
 * instead of from every parsed core StructureDefinition. HAPI builds that engine over the FhirContext's validation
 * support when the extractor starts, and evaluating {@code Resource.id} or {@code value as Quantity} on the first write
 * asks it for type definitions; each of those parsed all 649 core definitions, so every start paid for the parse
 * before it could answer, while only the validator (warmed after "ready") needs them whole. Values extracted are the
 * same: the engine reads nothing of a core definition but what the table holds. Replaces HAPI's
 * {@code searchParamExtractor} bean ({@code PersistenceConfig}).
 */
public final class CoreTypesSearchParamExtractor extends SearchParamExtractorR4 {

	private final CoreTypeDefinitions types;

	public CoreTypesSearchParamExtractor(CoreTypeDefinitions types) {
		this.types = types;
	}

	/**
	 * HAPI's own engine set-up, with the context answering through the table for that one call: the engine's worker
	 * keeps the support it was given, and the context gets its own back before anything else can ask for it (this
	 * runs while Spring creates the bean, before the node serves).
	 */
	@Override
	public void initFhirPath() {
		FhirContext ctx = getContext();
		IValidationSupport own = ctx.getValidationSupport();
		ctx.setValidationSupport(types.over(ctx, own));
		try {
			super.initFhirPath();
		} finally {
			ctx.setValidationSupport(own);
		}
	}
}
