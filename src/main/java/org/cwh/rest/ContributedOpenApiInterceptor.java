package org.cwh.rest;

import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import org.cwh.config.OpenApiContributor;

/**
 * HAPI's OpenAPI document and Swagger UI ({@code /fhir/api-docs}, {@code /fhir/swagger-ui/}), with what the features'
 * {@link OpenApiContributor}s add to the document (security schemes, so Swagger UI's Authorize button works).
 * Extends HAPI's generator through its protected {@code generateOpenApi}; registered by {@link RestConfig}.
 */
final class ContributedOpenApiInterceptor extends OpenApiInterceptor {

	private final List<OpenApiContributor> contributors;

	ContributedOpenApiInterceptor(List<OpenApiContributor> contributors) {
		this.contributors = List.copyOf(contributors);
	}

	@Override
	protected OpenAPI generateOpenApi(ServletRequestDetails request) {
		OpenAPI openApi = super.generateOpenApi(request);
		contributors.forEach(c -> c.contributeTo(openApi, request.getServletRequest()));
		return openApi;
	}
}
