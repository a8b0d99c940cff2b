package org.cwh.deadlines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.cwh.config.CatalogStatements;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * When each open handoff next needs a look, so a sweep reads only the handoffs that are due instead of every open
 * one. {@code cwh_deadline_due} holds one row per open handoff Task: its patient and referral (what other writes find
 * it by), {@code next_check} (the first instant a check can find something new; {@code NULL} when only a write can
 * change that), a {@code changes} count and the {@code failures} of its last checks in a row.
 *
 * <p>Writes that change a handoff's facts make its row due now, in their own transaction ({@link DueMarker}); the
 * sweep leases the due rows (pushes {@code next_check} out by the lease, oldest first, {@code FOR UPDATE SKIP LOCKED}
 * on PostgreSQL so two nodes take different rows), checks each handoff and then stores the next instant, or deletes
 * the row, only if {@code changes} is still what it leased: a write that landed while the check read the old facts
 * leaves the row due for the next sweep instead of being overwritten. A node that dies mid-check leaves its rows to
 * come due again when the lease ends.
 *
 * <p>{@code cwh_deadline_due_state} keeps what the start needs to know about the index itself (whether the open
 * handoffs stored before it existed were added, and the deadline windows its instants were computed with). Both
 * tables are created at start, the same on H2 and PostgreSQL; only the upsert and the lease differ.
 */
final class DueIndex {

	/** One leased row: the handoff Task and the {@code changes} count and failures it had when leased. */
	record Due(String taskId, long changes, int failures) {}

	/** What a row says about its handoff, for the backfill. */
	record Row(String taskId, String patient, String referral) {}

	static final String BACKFILLED = "backfilled";
	static final String WINDOWS = "windows";

	private static final List<String> DDL = List.of("""
			CREATE TABLE IF NOT EXISTS cwh_deadline_due (
			  task_id VARCHAR(64) NOT NULL PRIMARY KEY,
			  patient VARCHAR(200),
			  referral VARCHAR(200),
			  next_check TIMESTAMP WITH TIME ZONE,
			  changes BIGINT NOT NULL,
			  failures INT NOT NULL)""",
			"CREATE INDEX IF NOT EXISTS cwh_deadline_due_next ON cwh_deadline_due (next_check)",
			"CREATE INDEX IF NOT EXISTS cwh_deadline_due_referral ON cwh_deadline_due (referral)",
			"CREATE INDEX IF NOT EXISTS cwh_deadline_due_patient ON cwh_deadline_due (patient)", """
			CREATE TABLE IF NOT EXISTS cwh_deadline_due_state (
			  name VARCHAR(40) NOT NULL PRIMARY KEY,
			  state VARCHAR(400) NOT NULL)""");

	/** A mark never pushes a row that is due already further out, so the oldest due rows stay first. */
	private static final String DUE_NOW = "next_check = CASE WHEN next_check IS NOT NULL AND next_check < ? "
			+ "THEN next_check ELSE ? END, changes = changes + 1";

	private static final String UPSERT_POSTGRES = """
			INSERT INTO cwh_deadline_due AS d (task_id, patient, referral, next_check, changes, failures)
			VALUES (?, ?, ?, ?, ?, 0)
			ON CONFLICT (task_id) DO UPDATE SET patient = EXCLUDED.patient, referral = EXCLUDED.referral,
			  next_check = CASE WHEN d.next_check IS NOT NULL AND d.next_check < EXCLUDED.next_check
			    THEN d.next_check ELSE EXCLUDED.next_check END, changes = d.changes + 1""";
	private static final String UPSERT_H2 = """
			MERGE INTO cwh_deadline_due d
			USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)),
			  CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS BIGINT))) s (task_id, patient, referral, at, changes)
			ON d.task_id = s.task_id
			WHEN MATCHED THEN UPDATE SET patient = s.patient, referral = s.referral,
			  next_check = CASE WHEN d.next_check IS NOT NULL AND d.next_check < s.at THEN d.next_check ELSE s.at END,
			  changes = d.changes + 1
			WHEN NOT MATCHED THEN INSERT (task_id, patient, referral, next_check, changes, failures)
			  VALUES (s.task_id, s.patient, s.referral, s.at, s.changes, 0)""";
	private static final String ADD_POSTGRES = """
			INSERT INTO cwh_deadline_due (task_id, patient, referral, next_check, changes, failures)
			VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (task_id) DO NOTHING""";
	private static final String ADD_H2 = """
			MERGE INTO cwh_deadline_due d
			USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)),
			  CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS BIGINT))) s (task_id, patient, referral, at, changes)
			ON d.task_id = s.task_id
			WHEN NOT MATCHED THEN INSERT (task_id, patient, referral, next_check, changes, failures)
			  VALUES (s.task_id, s.patient, s.referral, s.at, s.changes, 0)""";
	private static final String STATE_POSTGRES = """
			INSERT INTO cwh_deadline_due_state (name, state) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state""";
	private static final String STATE_H2 = """
			MERGE INTO cwh_deadline_due_state t USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(400))))
			  s (name, state) ON t.name = s.name
			WHEN MATCHED THEN UPDATE SET state = s.state
			WHEN NOT MATCHED THEN INSERT (name, state) VALUES (s.name, s.state)""";

	private final DataSource dataSource;
	private final boolean postgres;

	DueIndex(DataSource dataSource, boolean postgres) {
		this.dataSource = dataSource;
		this.postgres = postgres;
	}

	/** Creates the tables when missing; two nodes racing in the catalog try again and then find them. */
	void createTables() {
		CatalogStatements.createMissing(dataSource, DDL, "cwh_deadline_due");
	}

	// In the running transaction: a write and the mark it leaves commit or roll back together.

	/** Adds the open handoff Task, or updates its row, due at {@code now} in either case. */
	void upsert(Row row, Instant now) {
		inTransaction(postgres ? UPSERT_POSTGRES : UPSERT_H2, s -> {
			bindRow(s, row, now);
			return s.executeUpdate();
		});
	}

	/** Drops the row of a handoff Task that closed or is gone. */
	void remove(String taskId) {
		inTransaction("DELETE FROM cwh_deadline_due WHERE task_id = ?", s -> {
			s.setString(1, taskId);
			return s.executeUpdate();
		});
	}

	/** Makes this handoff due at {@code now}, when it has a row. */
	void markTask(String taskId, Instant now) {
		mark("task_id", taskId, now);
	}

	/** Makes the handoffs of this referral ({@code ServiceRequest/1}) due at {@code now}. */
	void markReferral(String referral, Instant now) {
		mark("referral", referral, now);
	}

	/** Makes the handoffs of this patient ({@code Patient/1}) due at {@code now}. */
	void markPatient(String patient, Instant now) {
		mark("patient", patient, now);
	}

	private void mark(String column, String value, Instant now) {
		inTransaction("UPDATE cwh_deadline_due SET " + DUE_NOW + " WHERE " + column + " = ?", s -> {
			s.setObject(1, at(now));
			s.setObject(2, at(now));
			s.setString(3, value);
			return s.executeUpdate();
		});
	}

	// The sweep's side, each in a short transaction of its own.

	/**
	 * Leases up to {@code limit} rows due at {@code now}, oldest first, until {@code until}: each is taken with a
	 * conditional update on its {@code changes}, so a row a write marked meanwhile is left for the next lease. On
	 * PostgreSQL one transaction locks the candidates first, skipping rows a write or another node holds; on H2 (one
	 * node) each row is taken on its own, so the lease never holds one row while waiting for another.
	 */
	List<Due> lease(Instant now, Instant until, int limit) {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(!postgres);
			try {
				List<Due> candidates = new ArrayList<>();
				try (PreparedStatement s = c.prepareStatement("SELECT task_id, changes, failures FROM cwh_deadline_due "
						+ "WHERE next_check <= ? ORDER BY next_check LIMIT " + limit
						+ (postgres ? " FOR UPDATE SKIP LOCKED" : ""))) {
					s.setObject(1, at(now));
					try (ResultSet r = s.executeQuery()) {
						while (r.next()) {
							candidates.add(new Due(r.getString(1), r.getLong(2), r.getInt(3)));
						}
					}
				}
				List<Due> leased = new ArrayList<>();
				try (PreparedStatement u = c.prepareStatement("UPDATE cwh_deadline_due SET next_check = ? "
						+ "WHERE task_id = ? AND changes = ? AND next_check <= ?")) {
					for (Due due : candidates) {
						u.setObject(1, at(until));
						u.setString(2, due.taskId());
						u.setLong(3, due.changes());
						u.setObject(4, at(now));
						if (u.executeUpdate() == 1) {
							leased.add(due);
						}
					}
				}
				if (postgres) {
					c.commit();
				}
				return leased;
			} catch (SQLException | RuntimeException e) {
				if (postgres) {
					c.rollback();
				}
				throw e;
			}
		} catch (SQLException e) {
			throw new IllegalStateException("cannot lease due handoffs: " + e.getMessage(), e);
		}
	}

	/** The check went through: the handoff is next due at {@code next} (never, without a write, when empty). */
	void checked(Due due, Optional<Instant> next) {
		alone("UPDATE cwh_deadline_due SET next_check = ?, failures = 0 WHERE task_id = ? AND changes = ?", s -> {
			if (next.isPresent()) {
				s.setObject(1, at(next.get()));
			} else {
				s.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
			}
			s.setString(2, due.taskId());
			s.setLong(3, due.changes());
			return s.executeUpdate();
		});
	}

	/** The check failed: one more failure in a row, due again at {@code retryAt}. */
	void failed(Due due, Instant retryAt) {
		alone("UPDATE cwh_deadline_due SET next_check = ?, failures = failures + 1 WHERE task_id = ? AND changes = ?",
				s -> {
					s.setObject(1, at(retryAt));
					s.setString(2, due.taskId());
					s.setLong(3, due.changes());
					return s.executeUpdate();
				});
	}

	/** The Task is no longer an open handoff: drop its row, unless a write made it one again meanwhile. */
	void forget(Due due) {
		alone("DELETE FROM cwh_deadline_due WHERE task_id = ? AND changes = ?", s -> {
			s.setString(1, due.taskId());
			s.setLong(2, due.changes());
			return s.executeUpdate();
		});
	}

	// At start.

	/** Adds rows, due at {@code now}, for those handoffs that have none; returns how many it added. */
	int addMissing(List<Row> rows, Instant now) {
		if (rows.isEmpty()) {
			return 0;
		}
		return alone(postgres ? ADD_POSTGRES : ADD_H2, s -> {
			for (Row row : rows) {
				bindRow(s, row, now);
				s.addBatch();
			}
			int added = 0;
			for (int count : s.executeBatch()) {
				// Drivers may answer SUCCESS_NO_INFO (-2) for a row they inserted.
				added += count == PreparedStatement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
			}
			return added;
		});
	}

	/** Makes every row due at {@code now}; returns how many. */
	int markAll(Instant now) {
		return alone("UPDATE cwh_deadline_due SET " + DUE_NOW, s -> {
			s.setObject(1, at(now));
			s.setObject(2, at(now));
			return s.executeUpdate();
		});
	}

	Optional<String> state(String name) {
		return alone("SELECT state FROM cwh_deadline_due_state WHERE name = ?", s -> {
			s.setString(1, name);
			try (ResultSet r = s.executeQuery()) {
				return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
			}
		});
	}

	void setState(String name, String state) {
		alone(postgres ? STATE_POSTGRES : STATE_H2, s -> {
			s.setString(1, name);
			s.setString(2, state);
			return s.executeUpdate();
		});
	}

	/** The row of a handoff Task: empty when it has none; inside, its next check (empty: none planned). */
	Optional<Optional<Instant>> nextCheck(String taskId) {
		return alone("SELECT next_check FROM cwh_deadline_due WHERE task_id = ?", s -> {
			s.setString(1, taskId);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					return Optional.<Optional<Instant>>empty();
				}
				OffsetDateTime next = r.getObject(1, OffsetDateTime.class);
				return Optional.of(Optional.ofNullable(next).map(OffsetDateTime::toInstant));
			}
		});
	}

	private static void bindRow(PreparedStatement s, Row row, Instant now) throws SQLException {
		s.setString(1, row.taskId());
		s.setString(2, row.patient());
		s.setString(3, row.referral());
		s.setObject(4, at(now));
		// A new row starts from a random count, so a lease of a row deleted meanwhile never matches its successor.
		s.setLong(5, ThreadLocalRandom.current().nextLong(Long.MAX_VALUE / 2));
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private interface Statement<T> {
		T run(PreparedStatement statement) throws SQLException;
	}

	/** On the connection of the running transaction, when there is one ({@link DataSourceUtils}). */
	private <T> T inTransaction(String sql, Statement<T> work) {
		Connection c = DataSourceUtils.getConnection(dataSource);
		try (PreparedStatement s = c.prepareStatement(sql)) {
			return work.run(s);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot write cwh_deadline_due: " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(c, dataSource);
		}
	}

	/** On a connection of its own, committed at once. */
	private <T> T alone(String sql, Statement<T> work) {
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
			return work.run(s);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot use cwh_deadline_due: " + e.getMessage(), e);
		}
	}
}
