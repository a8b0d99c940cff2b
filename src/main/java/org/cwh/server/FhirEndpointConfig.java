package org.cwh.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.cwh.config.RestfulServerContributor;
import org.cwh.config.SettingsSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HAPI {@link RestfulServer} behind {@code /fhir}: created here, then every feature's
 * {@link RestfulServerContributor} registers its providers and interceptors on it, in Spring order.
 */
@Configuration
public class FhirEndpointConfig {

	@Bean
	public ServerSettings serverSettings(SettingsSource source) {
		return ServerSettings.from(source);
	}

	@Bean
	public RestfulServer restfulServer(FhirContext fhirContext, ServerSettings settings,
			List<RestfulServerContributor> contributors) {
		RestfulServer server = new RestfulServer(fhirContext);
		server.setServerName("CWH");
		String version = FhirEndpointConfig.class.getPackage().getImplementationVersion();
		server.setServerVersion(version == null ? "development" : version);
		server.setImplementationDescription("CWH - Crisis Warm Handoff FHIR server");
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.setServerAddressStrategy(settings.publicUrl().isEmpty()
				? new IncomingRequestAddressStrategy()
				: new HardcodedServerAddressStrategy(settings.publicUrl()));
		contributors.forEach(c -> c.contributeTo(server));
		return server;
	}
}
