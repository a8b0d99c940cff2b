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
				  endpoint = ?5, headers = ?6, payload_type = ?7, ends_at = ?9 WHERE subscription_id = ?8""")
				.setParameter(1, r.resourceType()).setParameter(2, orEmpty(r.topic()))
				.setParameter(3, String.join(",", r.interactions())).setParameter(4, String.join("\n", r.criteria()))
				.setParameter(5, r.endpoint()).setParameter(6, String.join("\n", r.headers()))
				.setParameter(7, r.payloadType()).setParameter(8, r.subscriptionId())
				.setParameter(9, r.endsAt(), Long.class)
				.executeUpdate();
		if (updated == 0) {
			query("""
					INSERT INTO cwh_notify_subscription (subscription_id, resource_type, topic, interactions, criteria,
					  endpoint, headers, payload_type, events, ends_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9)""")
					.setParameter(1, r.subscriptionId()).setParameter(2, r.resourceType()).setParameter(3, orEmpty(r.topic()))
					.setParameter(4, String.join(",", r.interactions()))
					.setParameter(5, String.join("\n", r.criteria())).setParameter(6, r.endpoint())
					.setParameter(7, String.join("\n", r.headers())).setParameter(8, r.payloadType())
					.setParameter(9, r.endsAt(), Long.class)
					.executeUpdate();
		}
	}

	/**
	 * Keeps the registration of a Subscription turned off at its end, hearing nothing from now on, so the
	 * notifications written before {@code endedAt} are still delivered; {@link EndedSubscriptions} deletes it once
	 * they are. Does nothing when the Subscription has no registration (it was never on).
	 */
	void retire(String subscriptionId, long endedAt) {
		query("UPDATE cwh_notify_subscription SET interactions = '', ends_at = ?2 WHERE subscription_id = ?1")
				.setParameter(1, subscriptionId).setParameter(2, endedAt).executeUpdate();
	}

	/**
	 * A native statement that does not make Hibernate flush HAPI's pending writes first: these tables are no entity's,
	 * so the write's own flush, at commit, stays where HAPI expects it (a version conflict surfaces there as before).
	 */
	private NativeQuery<?> query(String sql) {
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

	/**
	 * The registrations that hear writes of this type at {@code now}: not at or past their end. Ordered by id (the
	 * order their counters are locked in).
	 */
	List<Registration> registrationsFor(String resourceType, long now) {
		@SuppressWarnings("unchecked")
		List<Object[]> rows = (List<Object[]>) query("""
				SELECT subscription_id, topic, interactions, criteria FROM cwh_notify_subscription
				WHERE resource_type = ?1 AND (ends_at IS NULL OR ends_at > ?2) ORDER BY subscription_id""")
				.setParameter(1, resourceType).setParameter(2, now).getResultList();
		List<Registration> registrations = new ArrayList<>();
		for (Object[] row : rows) {
			String criteria = (String) row[3];
			registrations.add(new Registration((String) row[0], resourceType, (String) row[1],
					new LinkedHashSet<>(Arrays.asList(((String) row[2]).split(","))),
					criteria.isEmpty() ? List.of() : Arrays.asList(criteria.split("\n")), "", List.of(), "", null));
		}
		return registrations;
	}

	/**
	 * Writes one notification: the Subscription's next event number (its counter row stays locked until this
	 * transaction ends, so numbers have no gaps or repeats across nodes) and the outbox row, due at once. Writes
	 * nothing when the registration was deleted since it was read (its Subscription was deleted meanwhile); returns
	 * whether it wrote.
	 */
	boolean append(String subscriptionId, String focus, long focusVersion, String interaction, String serverBase,
			long now) {
		if (query("UPDATE cwh_notify_subscription SET events = events + 1 WHERE subscription_id = ?1")
				.setParameter(1, subscriptionId).executeUpdate() == 0) {
			return false;
		}
		long event = ((Number) query(
				"SELECT events FROM cwh_notify_subscription WHERE subscription_id = ?1")
				.setParameter(1, subscriptionId).getSingleResult()).longValue();
		query("""
				INSERT INTO cwh_notify_outbox (subscription_id, focus, focus_version, interaction, event_number,
				  server_base, created_at, due_at, attempts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 0)""")
				.setParameter(1, subscriptionId).setParameter(2, focus).setParameter(3, focusVersion)
				.setParameter(4, interaction).setParameter(5, event).setParameter(6, orEmpty(serverBase))
				.setParameter(7, now).executeUpdate();
		return true;
	}
}
