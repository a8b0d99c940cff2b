package org.cwh.config;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * A feature's part of the FHIR endpoint: the interceptors and providers it registers on HAPI's {@link RestfulServer}.
 * Each feature package declares one as a bean; the server applies them all before the servlet starts, so the server
 * never needs to know a feature's internals.
 */
@FunctionalInterface
public interface RestfulServerContributor {

	void contributeTo(RestfulServer server);
}
