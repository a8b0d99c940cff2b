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
 * loaded the table on the main thread. Until {@link #startAfterServing()} runs, the hashes HAPI asks for are only
 * remembered; then HAPI's own service starts, loads what is stored and is handed what was remembered, writing the
 * missing rows exactly as it would have. Replaces HAPI's bean of the same name in {@link PersistenceConfig}; runs as
 * the last {@link AfterServing} step.
 */
public final class DeferredSearchParamIdentities implements ISearchParamIdentityCacheSvc, DisposableBean {

	private record Asked(String resourceType, String paramName) {}

	private final Supplier<SearchParamIdentityCacheSvcImpl> hapiService;
	private final Map<Long, Asked> asked = new ConcurrentHashMap<>();
	private volatile SearchParamIdentityCacheSvcImpl started;

	/** @param hapiService creates and starts HAPI's service; called once, after serving */
	public DeferredSearchParamIdentities(Supplier<SearchParamIdentityCacheSvcImpl> hapiService) {
		this.hapiService = hapiService;
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
		return service == null ? !asked.isEmpty() : service.hasInFlightTasks();
	}

	/** Starts HAPI's service and hands it every identity asked for until now. */
	public void startAfterServing() {
		SearchParamIdentityCacheSvcImpl service;
		synchronized (this) {
			if (started != null) {
				return;
			}
			service = hapiService.get();
			started = service;
		}
		// No one adds to the map once the service is set, so this sees every identity asked for before.
		asked.forEach((hash, identity) -> service.findOrCreateSearchParamIdentity(hash, identity.resourceType(),
				identity.paramName()));
		asked.clear();
	}

	/** How many identities wait for {@link #startAfterServing()}; 0 once it ran. */
	int waiting() {
		return asked.size();
	}

	@Override
	public void destroy() {
		SearchParamIdentityCacheSvcImpl service = started;
		if (service != null) {
			service.preDestroy();
		}
	}
}
