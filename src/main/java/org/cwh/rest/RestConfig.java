package org.cwh.rest;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.cwh.config.OpenApiContributor;
import org.cwh.config.RestfulServerContributor;
import org.cwh.config.SettingsSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR protocol behaviour CWH adds to HAPI: idempotent conditional-create retries (also on a chained
 * {@code ifNoneExist}), 412 for stale
 * {@code If-Match}, strict parsing (unknown elements are refused, not dropped), clean error bodies, ETags on PATCH, empty XML Patches refused, a truthful CapabilityStatement and
 * the OpenAPI/Swagger UI at {@code /fhir/swagger-ui/}. Always on.
 */
@Configuration
public class RestConfig {

	@Bean
	public RestSettings restSettings(SettingsSource source) {
		return RestSettings.from(source);
	}

	@Bean
	public RestfulServerContributor restProtocol(JpaStorageSettings storageSettings,
			ObjectProvider<OpenApiContributor> openApi) {
		return server -> {
			// An element the parser does not know would otherwise be dropped with a log line and a 201: the sender
			// believes it stored data that is gone. Refuse it with a 400 that names the element instead.
			server.getFhirContext().setParserErrorHandler(new StrictErrorHandler());
			server.registerInterceptor(new IdempotentRetryInterceptor());
			server.registerInterceptor(new QualifiedMatchUrls());
			server.registerInterceptor(new ErrorResponseInterceptor());
			server.registerInterceptor(new PatchEtagInterceptor());
			server.registerInterceptor(new XmlPatchInterceptor());
			server.registerInterceptor(new CapabilityStatementInterceptor(storageSettings.isExpungeEnabled()));
			server.registerInterceptor(new ContributedOpenApiInterceptor(openApi.orderedStream().toList()));
		};
	}
}
