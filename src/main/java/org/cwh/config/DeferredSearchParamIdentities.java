package org.cwh.config;

import ca.uhn.fhir.jpa.cache.ISearchParamIdentityCacheSvc;
import ca.uhn.fhir.jpa.sp.SearchParamIdentityCacheSvcImpl;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;

/**
 * HAPI's search-parameter identity service ({@code HFJ_SPIDX_IDENTITY}: which resource type and parameter name each
 * index hash stands for, written for operators and tooling, read by no query), started after "ready" instead of during
 * start-up. On an empty database HAPI writes one row per search parameter, about 1,400, each in its own transaction on
 * a thread of its own, and on two cores that work (2.6 s of CPU) lengthened every first start; on every start it also
 * loaded the table on the main thread. Until {@link #run()} runs, the hashes HAPI asks for are only
 * remembered; then HAPI's own service starts and loads what is stored, the remembered identities are written one by
 * one with HAPI's own task on the calling thread (a stored one costs nothing), and later ones go to HAPI's service as
 * usual. Replaces HAPI's bean of the same name in {@link PersistenceConfig}, where it is also ordered as the last
 * {@link AfterServing} step; a node stopped before then starts nothing.
 */
public final class DeferredSearchParamIdentities
		implements ISearchParamIdentityCacheSvc, AfterServing, DisposableBean {

	/** Writes one identity unless it is stored: HAPI's {@code PersistSearchParameterIdentityTask}. */
	@FunctionalInterface
	public interface IdentityWriter {
		void write(long hashIdentity, String resourceType, String paramName) throws Exception;
	}

	private record Asked(String resourceType, String paramName) {}

	private final Supplier<SearchParamIdentityCacheSvcImpl> hapiService;
	private final IdentityWriter writer;
	private final Map<Long, Asked> asked = new ConcurrentHashMap<>();
	private volatile SearchParamIdentityCacheSvcImpl started;
	private boolean closed;

	/**
	 * @param hapiService creates and starts HAPI's service; called once, after serving
	 * @param writer writes a remembered identity, after HAPI's service has loaded the stored ones
	 */
	public DeferredSearchParamIdentities(Supplier<SearchParamIdentityCacheSvcImpl> hapiService, IdentityWriter writer) {
		this.hapiService = hapiService;
		this.writer = writer;
	}

	@Override
	public void findOrCreateSearchParamIdentity(Long hashIdentity, String resourceType, String paramName) {
		SearchParamIdentityCacheSvcImpl service = started;
		if (service == null) {
			synchronized (this) {
				service = started;
				if (service == null) {
					asked.putIfAbsent(hashIdentity, new Asked(resourceType, paramName));
					return;
				}
			}
		}
		service.findOrCreateSearchParamIdentity(hashIdentity, resourceType, paramName);
	}

	@Override
	public boolean hasInFlightTasks() {
		SearchParamIdentityCacheSvcImpl service = started;
		return !asked.isEmpty() || (service != null && service.hasInFlightTasks());
	}

	@Override
	public String what() {
		return "search parameter identities";
	}

	/**
	 * Starts HAPI's service, then writes every identity asked for until now; nothing once the node is stopping. A
	 * failure stops the writing and is thrown: the next start asks for the same identities again.
	 */
	@Override
	public void run() throws Exception {
		synchronized (this) {
			if (started != null || closed) {
				return;
			}
			started = hapiService.get();
		}
		// No one adds to the map once the service is set, so this sees every identity asked for before.
		for (Map.Entry<Long, Asked> identity : asked.entrySet()) {
			if (isClosed()) {
				return;
			}
			writer.write(identity.getKey(), identity.getValue().resourceType(), identity.getValue().paramName());
			asked.remove(identity.getKey());
		}
	}

	/** How many identities wait to be written; 0 once {@link #run()} is done. */
	int waiting() {
		return asked.size();
	}

	private synchronized boolean isClosed() {
		return closed;
	}

	@Override
	public void destroy() {
		SearchParamIdentityCacheSvcImpl service;
		synchronized (this) {
			closed = true;
			service = started;
		}
		if (service != null) {
			service.preDestroy();
		}
	}
}
