package org.cwh.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The client-assertion ids ({@code jti}) already used, in {@code cwh_auth_jti} with a unique key on (client, jti), so
 * a replay is refused whichever node it reaches. A row is kept until its assertion could no longer be accepted anyway
 * (its {@code exp} plus the clock skew); older rows are purged at most once a minute per node.
 */
final class JtiLedger {

	private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private final DataSource dataSource;
	private final Clock clock;
	private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

	JtiLedger(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/** Records the id; false when this client used it before. */
	boolean firstUse(String clientId, String jti, Instant keepUntil) {
		purgeExpired();
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement(
						"INSERT INTO cwh_auth_jti (client_id, jti, expires_at) VALUES (?, ?, ?)")) {
			s.setString(1, clientId);
			s.setString(2, jti);
			s.setObject(3, OffsetDateTime.ofInstant(keepUntil, ZoneOffset.UTC));
			s.executeUpdate();
			return true;
		} catch (SQLException e) {
			if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
				return false;
			}
			throw new IllegalStateException("cannot record a client assertion id: " + e.getMessage(), e);
		}
	}

	private void purgeExpired() {
		Instant now = clock.instant();
		Instant last = lastPurge.get();
		if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
			return;
		}
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("DELETE FROM cwh_auth_jti WHERE expires_at < ?")) {
			s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
			s.executeUpdate();
		} catch (SQLException e) {
			throw new IllegalStateException("cannot purge used client assertion ids: " + e.getMessage(), e);
		}
	}
}
