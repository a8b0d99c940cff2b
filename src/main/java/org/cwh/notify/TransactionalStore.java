package org.cwh.notify;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.hibernate.query.NativeQuery;

/**
 * The notification tables as seen from inside a FHIR write: every statement runs through HAPI's transactional
 * EntityManager, on the connection of the write's own transaction, so a registration or an outbox row commits or
 * rolls back with the change that caused it.
 */
final class TransactionalStore {

	private final EntityManager em;

	TransactionalStore(EntityManager em) {
		this.em = em;
	}

	/** Inserts or replaces a Subscription's registration, keeping its event counter. */
	void register(Registration r) {
		int updated = query("""
				UPDATE cwh_notify_subscription SET resource_type = ?1, topic = ?2, interactions = ?3, criteria = ?4,
				  endpoint = ?5, headers = ?6, payload_type = ?7 WHERE subscription_id = ?8""")
				.setParameter(1, r.resourceType()).setParameter(2, orEmpty(r.topic()))
				.setParameter(3, String.join(",", r.interactions())).setParameter(4, String.join("\n", r.criteria()))
				.setParameter(5, r.endpoint()).setParameter(6, String.join("\n", r.headers()))
				.setParameter(7, r.payloadType()).setParameter(8, r.subscriptionId())
				.executeUpdate();
		if (updated == 0) {
			query("""
					INSERT INTO cwh_notify_subscription (subscription_id, resource_type, topic, interactions, criteria,
					  endpoint, headers, payload_type, events) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)""")
					.setParameter(1, r.subscriptionId()).setParameter(2, r.resourceType()).setParameter(3, orEmpty(r.topic()))
					.setParameter(4, String.join(",", r.interactions()))
					.setParameter(5, String.join("\n", r.criteria())).setParameter(6, r.endpoint())
					.setParameter(7, String.join("\n", r.headers())).setParameter(8, r.payloadType())
					.executeUpdate();
		}
	}

	/**
	 * A native statement that does not make Hibernate flush HAPI's pending writes first: these tables are no entity's,
	 * so the write's own flush, at commit, stays where HAPI expects it (a version conflict surfaces there as before).
	 */
	private jakarta.persistence.Query query(String sql) {
		return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace("cwh_notify");
	}

	/** Empty instead of null: PostgreSQL cannot type a null bound without a type, and '' means "none" here. */
	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	/** Forgets a Subscription that was deleted or is no longer active; its waiting notifications stay parked. */
	void unregister(String subscriptionId) {
		query("DELETE FROM cwh_notify_subscription WHERE subscription_id = ?1")
				.setParameter(1, subscriptionId).executeUpdate();
	}

	/** The active registrations for writes of this type, ordered by id (the order their counters are locked in). */
	List<Registration> registrationsFor(String resourceType) {
		@SuppressWarnings("unchecked")
		List<Object[]> rows = query("""
				SELECT subscription_id, topic, interactions, criteria FROM cwh_notify_subscription
				WHERE resource_type = ?1 ORDER BY subscription_id""")
				.setParameter(1, resourceType).getResultList();
		List<Registration> registrations = new ArrayList<>();
		for (Object[] row : rows) {
			String criteria = (String) row[3];
			registrations.add(new Registration((String) row[0], resourceType, (String) row[1],
					new LinkedHashSet<>(Arrays.asList(((String) row[2]).split(","))),
					criteria.isEmpty() ? List.of() : Arrays.asList(criteria.split("\n")), "", List.of(), ""));
		}
		return registrations;
	}

	/**
	 * Writes one notification: the Subscription's next event number (its counter row stays locked until this
	 * transaction ends, so numbers have no gaps or repeats across nodes) and the outbox row, due at once.
	 */
	void append(String subscriptionId, String focus, long focusVersion, String interaction, String serverBase,
			long now) {
		query("UPDATE cwh_notify_subscription SET events = events + 1 WHERE subscription_id = ?1")
				.setParameter(1, subscriptionId).executeUpdate();
		long event = ((Number) query(
				"SELECT events FROM cwh_notify_subscription WHERE subscription_id = ?1")
				.setParameter(1, subscriptionId).getSingleResult()).longValue();
		query("""
				INSERT INTO cwh_notify_outbox (subscription_id, focus, focus_version, interaction, event_number,
				  server_base, created_at, due_at, attempts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 0)""")
				.setParameter(1, subscriptionId).setParameter(2, focus).setParameter(3, focusVersion)
				.setParameter(4, interaction).setParameter(5, event).setParameter(6, orEmpty(serverBase))
				.setParameter(7, now).executeUpdate();
	}
}
