package org.cwh.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import org.cwh.config.OpenApiContributor;

/**
 * How to authenticate, in the OpenAPI document Swagger UI shows, so its Authorize button works: a {@code bearer}
 * scheme (paste an access token from {@code /auth/token}) and, where client secrets are on, an OAuth2
 * {@code clientCredentials} flow against the token endpoint (Swagger UI sends the client id and secret as HTTP Basic).
 * Either one applies to every operation (the open ones ignore it). Declared by {@link SecurityConfig} while
 * authentication is on.
 */
final class OpenApiSecurity implements OpenApiContributor {

	static final String BEARER = "bearer";
	static final String CLIENT_CREDENTIALS = "smart-backend-services";

	private final Urls urls;
	private final boolean clientSecrets;

	OpenApiSecurity(Urls urls, boolean clientSecrets) {
		this.urls = urls;
		this.clientSecrets = clientSecrets;
	}

	@Override
	public void contributeTo(OpenAPI openApi, HttpServletRequest request) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer").bearerFormat("JWT").description("An access token from " + urls.tokenUrl(request)
						+ " (SMART Backend Services; see /fhir/.well-known/smart-configuration)"));
		openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
		if (clientSecrets) {
			Scopes scopes = new Scopes();
			DiscoveryServlet.SCOPES_SUPPORTED.forEach(s -> scopes.addString(s, "SMART system scope"));
			openApi.getComponents().addSecuritySchemes(CLIENT_CREDENTIALS, new SecurityScheme()
					.type(SecurityScheme.Type.OAUTH2).description("client_credentials with a client secret")
					.flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(urls.tokenUrl(request))
							.scopes(scopes))));
			openApi.addSecurityItem(new SecurityRequirement().addList(CLIENT_CREDENTIALS));
		}
	}
}
