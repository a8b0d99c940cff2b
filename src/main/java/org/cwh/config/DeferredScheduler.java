package org.cwh.config;

import ca.uhn.fhir.jpa.sched.HapiSchedulerServiceImpl;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * HAPI's task scheduler (Quartz: batch2 job maintenance, bulk export, stale search clean-up, cache refreshes across
 * nodes, subscription retries), started once the node serves instead of when Spring's refresh ends. HAPI starts it on
 * {@code ContextRefreshedEvent} with every job due at once, so a dozen jobs ran their first round, and compiled their
 * queries, beside the end of start-up on two cores. Nothing before the first request needs them: what a node reads
 * at start (search parameters, subscriptions, topics) it loads itself, and the jobs are periodic. Replaces HAPI's
 * {@code schedulerService} bean ({@code PersistenceConfig}); the first after-serving step, so the jobs start at most
 * {@code CwhServer.FIRST_ANSWER_GRACE} after "ready". A node stopped before that starts nothing.
 */
public final class DeferredScheduler extends HapiSchedulerServiceImpl implements AfterServing {

	private boolean serving;
	private boolean stopped;

	public DeferredScheduler() {
		setDefaultGroup("HAPI");
	}

	/** HAPI's start, which Spring calls on {@code ContextRefreshedEvent}: only once the node serves. */
	@Override
	public synchronized void start() {
		if (serving && !stopped) {
			super.start();
		}
	}

	@Override
	public String what() {
		return "HAPI scheduler";
	}

	@Override
	public synchronized void run() {
		serving = true;
		start();
	}

	@Override
	public synchronized void stop() {
		stopped = true;
		super.stop();
	}

	/**
	 * Stops the jobs as the context begins to close, waiting for running ones, while the beans they use still exist.
	 * HAPI stops them only when Spring destroys this bean, and a job running then (its first round starts with the
	 * node's first answer, so an early stop meets one) failed asking for a repository Spring would no longer create.
	 */
	@EventListener(ContextClosedEvent.class)
	public void stopBeforeTheBeansGo() {
		stop();
	}
}
