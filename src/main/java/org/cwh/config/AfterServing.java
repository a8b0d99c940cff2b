package org.cwh.config;

/**
 * A feature's start-up work that must not hold "ready" back: warming the validator, seeding the directory,
 * publishing the IG's conformance resources for clients to read, backfilling the deadlines' due index. Each feature
 * declares its work as a bean; once Jetty serves, {@code CwhServer} runs them all, one after the other in
 * {@link org.springframework.core.annotation.Order} order, on one background thread. On two cores the work would
 * otherwise compete with the start itself (class loading, the JIT) and add seconds to every start, while nothing a
 * request needs depends on it: what the server enforces (profiles, SearchParameters, subscription topics) is in
 * place before it serves.
 *
 * <p>A failure is logged and does not stop the others; every such step is idempotent, so the next start retries it.
 */
public interface AfterServing {

	/** A few words for the log: {@code directory seed}. */
	String what();

	/** Does the work; may take seconds. */
	void run() throws Exception;

	static AfterServing of(String what, Runnable work) {
		return new AfterServing() {
			@Override
			public String what() {
				return what;
			}

			@Override
			public void run() {
				work.run();
			}
		};
	}
}
