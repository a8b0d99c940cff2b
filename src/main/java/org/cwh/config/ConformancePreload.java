package org.cwh.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Parses the built-in R4 SearchParameters on a second thread while Spring builds the rest of the context: HAPI parses
 * them once per JVM (DefaultProfileValidationSupport keeps one parsed set per FHIR version) and its search-parameter
 * registry needs them during start-up, so without this the main thread parsed them while the second core idled. It
 * also initializes Apache Jena, which the first {@code /metadata} would otherwise wait for. The core
 * StructureDefinitions are not parsed here: nothing before "ready" needs them whole any more
 * ({@link CoreTypesSearchParamExtractor}), and the validator warm-up after "ready" parses them. Started by
 * {@code CwhServer} before Spring and added to the context as a bean post-processor, so it can hold HAPI's
 * search-parameter registry back until the parse is done rather than let it parse them a second time. Always on; it
 * changes no behaviour, only when the work happens.
 */
public final class ConformancePreload implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(ConformancePreload.class);

	private final CompletableFuture<Void> done;

	private ConformancePreload(CompletableFuture<Void> done) {
		this.done = done;
	}

	/** Starts the parse on a daemon thread and returns at once. */
	public static ConformancePreload start() {
		CompletableFuture<Void> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				// A context of its own: the parsed resources are plain R4 model objects, shared with the primary one.
				FhirContext r4 = FhirContext.forR4Cached();
				DefaultProfileValidationSupport builtIn = new DefaultProfileValidationSupport(r4);
				builtIn.fetchAllSearchParameters();
				// Initializes Apache Jena once per JVM (about a second), which the first /metadata otherwise pays
				// for when it lists the RDF format.
				r4.isFormatRdfSupported();
				done.complete(null);
			} catch (RuntimeException | Error e) {
				// Not fatal: HAPI parses the same resources itself when it first needs them.
				log.warn("preloading the R4 search parameters failed: {}", e.toString());
				done.complete(null);
			}
		}, "cwh-preload");
		thread.setDaemon(true);
		thread.start();
		return new ConformancePreload(done);
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof ISearchParamRegistry) {
			done.join();
		}
		return bean;
	}
}
