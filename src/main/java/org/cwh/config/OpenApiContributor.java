package org.cwh.config;

import io.swagger.v3.oas.models.OpenAPI;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A feature's additions to the OpenAPI document HAPI derives from the CapabilityStatement ({@code /fhir/api-docs},
 * shown by Swagger UI), e.g. how to authenticate. Each feature that has some declares one as a bean; the FHIR protocol
 * package applies them all to every document it serves.
 */
@FunctionalInterface
public interface OpenApiContributor {

	/**
	 * @param openApi the document HAPI generated for this request, to change in place
	 * @param request the request for it, for URLs as the caller sees them
	 */
	void contributeTo(OpenAPI openApi, HttpServletRequest request);
}
