package org.cwh.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The dispatchers' side of {@code cwh_notify_outbox}: claim due notifications, then mark each delivered or due again
 * later. A notification is claimable when it is undelivered, due, not claimed by a live lease, its Subscription is
 * registered, and no earlier notification of the same Subscription and focus (by focus version, then row id) is
 * still undelivered, so notifications of one Task reach a receiver in order. A claim is a lease (a node that dies
 * mid-delivery leaves it to expire) taken with one conditional UPDATE per row, which succeeds on exactly one node;
 * PostgreSQL first selects the candidates {@code FOR UPDATE SKIP LOCKED}, so nodes do not queue behind each other.
 */
final class Outbox {

	/** One claimed notification with what its delivery needs. */
	record Claimed(long id, String subscriptionId, String focus, long focusVersion, String interaction,
			long eventNumber, String serverBase, long createdAt, int attempts, String topic, String endpoint,
			List<String> headers, String payloadType, long events) {}

	private static final String CANDIDATES = """
			SELECT o.id FROM cwh_notify_outbox o
			JOIN cwh_notify_subscription s ON s.subscription_id = o.subscription_id
			WHERE o.delivered_at IS NULL AND o.due_at <= ? AND (o.claimed_until IS NULL OR o.claimed_until < ?)
			AND NOT EXISTS (SELECT 1 FROM cwh_notify_outbox p WHERE p.subscription_id = o.subscription_id
			  AND p.focus = o.focus AND p.delivered_at IS NULL
			  AND (p.focus_version < o.focus_version OR (p.focus_version = o.focus_version AND p.id < o.id)))
			ORDER BY o.id""";

	private final DataSource dataSource;
	private final boolean postgres;
	private final String node;

	Outbox(DataSource dataSource, boolean postgres, String node) {
		this.dataSource = dataSource;
		this.postgres = postgres;
		this.node = node;
	}

	/** Claims up to {@code limit} due notifications until {@code leaseUntil}; each attempt counts at claim time. */
	List<Claimed> claim(long now, long leaseUntil, int limit) throws SQLException {
		List<Long> claimed = new ArrayList<>();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				String sql = CANDIDATES + " LIMIT " + limit + (postgres ? " FOR UPDATE OF o SKIP LOCKED" : "");
				List<Long> candidates = new ArrayList<>();
				try (PreparedStatement s = c.prepareStatement(sql)) {
					s.setLong(1, now);
					s.setLong(2, now);
					try (ResultSet rs = s.executeQuery()) {
						while (rs.next()) {
							candidates.add(rs.getLong(1));
						}
					}
				}
				try (PreparedStatement u = c.prepareStatement("""
						UPDATE cwh_notify_outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
						WHERE id = ? AND delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)""")) {
					for (long id : candidates) {
						u.setString(1, node);
						u.setLong(2, leaseUntil);
						u.setLong(3, id);
						u.setLong(4, now);
						if (u.executeUpdate() == 1) {
							claimed.add(id);
						}
					}
				}
				c.commit();
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		}
		return claimed.isEmpty() ? List.of() : details(claimed);
	}

	private List<Claimed> details(List<Long> ids) throws SQLException {
		String in = String.join(",", ids.stream().map(String::valueOf).toList());
		List<Claimed> result = new ArrayList<>();
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
				SELECT o.id, o.subscription_id, o.focus, o.focus_version, o.interaction, o.event_number, o.server_base,
				  o.created_at, o.attempts, s.topic, s.endpoint, s.headers, s.payload_type, s.events
				FROM cwh_notify_outbox o JOIN cwh_notify_subscription s ON s.subscription_id = o.subscription_id
				WHERE o.id IN (""" + in + ") ORDER BY o.id")) {
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					String headers = rs.getString(12);
					String topic = rs.getString(10);
					result.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
							rs.getString(5), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getInt(9),
							topic == null || topic.isEmpty() ? null : topic, rs.getString(11),
							headers == null || headers.isEmpty() ? List.of() : Arrays.asList(headers.split("\n")),
							rs.getString(13), rs.getLong(14)));
				}
			}
		}
		return result;
	}

	/** The receiver answered 2xx. */
	void delivered(long id, long now) throws SQLException {
		update("UPDATE cwh_notify_outbox SET delivered_at = ?, claimed_until = NULL, last_error = NULL "
				+ "WHERE id = ? AND claimed_by = ?", now, id, null);
	}

	/**
	 * Deletes the notifications delivered before {@code before}; returns how many. Every node may run it: a row two
	 * nodes both delete is gone once, and undelivered rows, which keep the order per focus, are never touched.
	 */
	int purgeDelivered(long before) throws SQLException {
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
				"DELETE FROM cwh_notify_outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?")) {
			s.setLong(1, before);
			return s.executeUpdate();
		}
	}

	/** The attempt failed; the notification is due again at {@code dueAt}. */
	void retryAt(long id, long dueAt, String error) throws SQLException {
		update("UPDATE cwh_notify_outbox SET due_at = ?, claimed_until = NULL, last_error = ? "
				+ "WHERE id = ? AND claimed_by = ?", dueAt, id, error.length() > 500 ? error.substring(0, 500) : error);
	}

	private void update(String sql, long time, long id, String error) throws SQLException {
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
			int i = 1;
			s.setLong(i++, time);
			if (sql.contains("last_error = ?")) {
				s.setString(i++, error);
			}
			s.setLong(i++, id);
			s.setString(i, node);
			s.executeUpdate();
		}
	}
}
