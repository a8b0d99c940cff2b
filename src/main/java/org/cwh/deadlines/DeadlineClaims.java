package org.cwh.deadlines;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cwh.config.CatalogStatements;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The hands already raised, in {@code cwh_deadline_claim} with a primary key on (handoff Task, what, which): the
 * node whose insert succeeds acts, every other node (and every later sweep) finds the row and does nothing. The
 * insert runs on the connection of the running HAPI transaction ({@link DataSourceUtils}), so the claim commits
 * with the Flag and Task it stands for, or rolls back with them and is tried again on the next sweep.
 *
 * <p>{@code what} is a deadline step ({@code accept}, {@code first-contact}, {@code first-visit}) or an event
 * ({@code high-risk}, {@code no-show}); {@code which} the deadline's instant or the event's resource
 * ({@code Observation/123}).
 *
 * <p>{@code cwh_handoff_accepted} keeps when each handoff was accepted, by the server's {@link java.time.Clock}
 * (HAPI's {@code meta.lastUpdated} follows the system clock, not the injected one), written in the accepting
 * transaction. Neither table is FHIR data; both are created at start, the same statements on H2 and PostgreSQL.
 */
final class DeadlineClaims {

	private static final List<String> DDL = List.of("""
			CREATE TABLE IF NOT EXISTS cwh_deadline_claim (
			  task_id VARCHAR(64) NOT NULL,
			  what VARCHAR(40) NOT NULL,
			  which VARCHAR(200) NOT NULL,
			  claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
			  PRIMARY KEY (task_id, what, which))""", """
			CREATE TABLE IF NOT EXISTS cwh_handoff_accepted (
			  task_id VARCHAR(64) NOT NULL,
			  accepted_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
			"CREATE INDEX IF NOT EXISTS cwh_handoff_accepted_task ON cwh_handoff_accepted (task_id)");

	private final DataSource dataSource;

	DeadlineClaims(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Creates the table when missing; two nodes racing in the catalog try again and then find it. */
	void createTable() {
		CatalogStatements.createMissing(dataSource, DDL, "cwh_deadline_claim");
	}

	/** Whether the hand was raised already: a cheap look before opening a transaction; {@link #claim} decides. */
	boolean isClaimed(String taskId, String what, String which) {
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement(
						"SELECT 1 FROM cwh_deadline_claim WHERE task_id = ? AND what = ? AND which = ?")) {
			s.setString(1, taskId);
			s.setString(2, what);
			s.setString(3, which);
			try (ResultSet r = s.executeQuery()) {
				return r.next();
			}
		} catch (SQLException e) {
			throw new IllegalStateException("cannot read cwh_deadline_claim: " + e.getMessage(), e);
		}
	}

	/**
	 * Claims the hand in the running transaction. False when another node or an earlier sweep holds it; the
	 * transaction must then end without acting (on PostgreSQL a failed insert leaves it unusable, so the caller
	 * rolls it back). A concurrent claimer waits for the first one's commit or rollback, then learns the outcome.
	 */
	boolean claim(String taskId, String what, String which, Instant now) {
		Connection c = DataSourceUtils.getConnection(dataSource);
		try (PreparedStatement s = c.prepareStatement(
				"INSERT INTO cwh_deadline_claim (task_id, what, which, claimed_at) VALUES (?, ?, ?, ?)")) {
			s.setString(1, taskId);
			s.setString(2, what);
			s.setString(3, which);
			s.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
			s.executeUpdate();
			return true;
		} catch (SQLException e) {
			if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
				return false;
			}
			throw new IllegalStateException("cannot claim a handoff deadline: " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(c, dataSource);
		}
	}

	/**
	 * Records when a handoff was accepted, in the running transaction. No unique key on purpose: two racing updates
	 * of one Task must end in HAPI's version conflict (412), not in a failed insert here; the earliest row counts.
	 */
	void markAccepted(String taskId, Instant at) {
		if (acceptedAt(taskId).isPresent()) {
			return;
		}
		Connection c = DataSourceUtils.getConnection(dataSource);
		try (PreparedStatement s = c.prepareStatement(
				"INSERT INTO cwh_handoff_accepted (task_id, accepted_at) VALUES (?, ?)")) {
			s.setString(1, taskId);
			s.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
			s.executeUpdate();
		} catch (SQLException e) {
			throw new IllegalStateException("cannot record a handoff's acceptance: " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(c, dataSource);
		}
	}

	/** When the handoff was accepted, if this server saw it happen. */
	Optional<Instant> acceptedAt(String taskId) {
		Connection c = DataSourceUtils.getConnection(dataSource);
		try (PreparedStatement s = c.prepareStatement(
				"SELECT MIN(accepted_at) FROM cwh_handoff_accepted WHERE task_id = ?")) {
			s.setString(1, taskId);
			try (ResultSet r = s.executeQuery()) {
				OffsetDateTime at = r.next() ? r.getObject(1, OffsetDateTime.class) : null;
				return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
			}
		} catch (SQLException e) {
			throw new IllegalStateException("cannot read a handoff's acceptance: " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(c, dataSource);
		}
	}
}
