package org.cwh.config;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * A feature's routes outside HAPI: the servlets and filters it adds to the Jetty context ({@code /auth/*}, a filter
 * on {@code /fhir/*}, ...). Each feature declares one as a bean; the server applies them all, in feature order, before
 * its own filters, so the server never needs to know a feature's routes.
 */
@FunctionalInterface
public interface ServletContributor {

	void contributeTo(ServletContextHandler context);
}
