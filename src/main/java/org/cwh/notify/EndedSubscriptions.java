package org.cwh.notify;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Turns a Subscription off for real once its end has passed while it was stored active: every
 * {@code cwh.notify.poll-interval} on every node, it looks for registrations whose end has come, stores each one's
 * Subscription as a new version with status {@code off} and the reason in {@code error} ({@link SubscriptionEnd}),
 * through HAPI's DAO as the system, so {@link OutboxWriter}'s hooks retire the registration in that write. Two nodes
 * doing it at once is fine: the second update names the version it read and meets a version conflict, or reads the
 * Subscription already off. Writes stop being notified at the end whether or not this has run yet; the registration
 * stays until the notifications written before the end are delivered, and is deleted {@link #KEEP_RETIRED} after
 * the end once none is waiting. Started when the Spring context is refreshed (the DAOs are ready then) and stopped by
 * {@link NotifyConfig}.
 */
final class EndedSubscriptions implements ApplicationListener<ContextRefreshedEvent>, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EndedSubscriptions.class);
	/**
	 * How long after its end a retired registration stays at least: far longer than the write transactions that read it
	 * just before the end and may still add a notification to it.
	 */
	static final Duration KEEP_RETIRED = Duration.ofMinutes(10);

	private final DataSource dataSource;
	private final DaoRegistry daos;
	private final Clock clock;
	private final Duration every;
	private ScheduledExecutorService timer;

	EndedSubscriptions(DataSource dataSource, DaoRegistry daos, Clock clock, Duration every) {
		this.dataSource = dataSource;
		this.daos = daos;
		this.clock = clock;
		this.every = every;
	}

	@Override
	public synchronized void onApplicationEvent(ContextRefreshedEvent event) {
		if (timer != null) {
			return;
		}
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "cwh-notify-ends");
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleWithFixedDelay(this::turnOffLogged, 0, every.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void close() {
		if (timer != null) {
			timer.shutdownNow();
		}
	}

	private void turnOffLogged() {
		try {
			turnOff();
		} catch (Exception e) {
			// The next run tries again: nothing here is half done across runs.
			log.warn("notify: cannot turn off ended Subscriptions: {}", e.getClass().getName());
		}
	}

	/**
	 * Turns off every Subscription whose registration's end has come and that still hears writes, and deletes the
	 * retired registrations nothing waits for; returns how many Subscriptions it turned off.
	 */
	int turnOff() throws SQLException {
		long now = clock.millis();
		int turnedOff = 0;
		for (String id : ended(now)) {
			if (turnOff(id, now)) {
				turnedOff++;
			}
		}
		deleteRetired(now - KEEP_RETIRED.toMillis());
		return turnedOff;
	}

	private boolean turnOff(String id, long now) throws SQLException {
		IFhirResourceDao<Subscription> dao = daos.getResourceDao(Subscription.class);
		SystemRequestDetails system = new SystemRequestDetails();
		try {
			Subscription subscription = dao.read(new IdType("Subscription", id), system);
			if (SubscriptionEnd.turnOffIfEnded(subscription, now)) {
				// The id read carries its version: an update by another node meanwhile is a conflict, not overwritten.
				dao.update(subscription, system);
				log.info("notify: Subscription/{} turned off: its end has passed", id);
				return true;
			}
			if (SubscriptionEnd.passed(SubscriptionEnd.of(subscription), now)) {
				// Already off (or in error) with its end passed, yet its registration still hears: retire it here.
				retire(id, now);
			}
		} catch (ResourceVersionConflictException e) {
			log.debug("notify: Subscription/{} changed while being turned off; another node did it", id);
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			retire(id, now);
		}
		return false;
	}

	/** The registrations that still hear writes although their end has come. */
	private List<String> ended(long now) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
				SELECT subscription_id FROM cwh_notify_subscription WHERE ends_at <= ? AND interactions <> ''
				ORDER BY subscription_id""")) {
			s.setLong(1, now);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getString(1));
				}
			}
		}
		return ids;
	}

	private void retire(String id, long now) throws SQLException {
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
				"UPDATE cwh_notify_subscription SET interactions = '' WHERE subscription_id = ? AND ends_at <= ?")) {
			s.setString(1, id);
			s.setLong(2, now);
			s.executeUpdate();
		}
	}

	/** Deletes the registrations retired at an end before {@code endedBefore} that have nothing left to deliver. */
	private void deleteRetired(long endedBefore) throws SQLException {
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
				DELETE FROM cwh_notify_subscription WHERE interactions = '' AND ends_at < ?
				AND NOT EXISTS (SELECT 1 FROM cwh_notify_outbox o
				  WHERE o.subscription_id = cwh_notify_subscription.subscription_id AND o.delivered_at IS NULL)""")) {
			s.setLong(1, endedBefore);
			int deleted = s.executeUpdate();
			if (deleted > 0) {
				log.info("notify: deleted {} registrations of ended Subscriptions, all delivered", deleted);
			}
		}
	}
}
