package org.cwh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionPools}: a thread marked with {@link ConnectionPools#onSidePool} takes its connections from the side
 * pool even when the main pool has none left, which is what keeps a request waiting for such a thread from
 * starving it; every other thread takes from the main pool; the mark ends with the work.
 */
class ConnectionPoolsTest {

	private ConnectionPools pools;

	@BeforeEach
	void open() {
		DatabaseSettings db = new DatabaseSettings("jdbc:h2:mem:pools-" + System.nanoTime(), "", "", 2);
		pools = ConnectionPools.open(db, db.url() + ";DB_CLOSE_DELAY=-1", 1);
	}

	@AfterEach
	void close() {
		pools.close();
	}

	@Test
	void aSideThreadGetsAConnectionWhileTheMainPoolIsExhausted() throws Exception {
		try (Connection first = pools.getConnection(); Connection second = pools.getConnection()) {
			assertEquals(2, mainPool().getActiveConnections());
			AtomicReference<Object> answer = new AtomicReference<>();
			Thread side = new Thread(ConnectionPools.onSidePool(() -> {
				try (Connection c = pools.getConnection(); Statement s = c.createStatement();
						ResultSet rs = s.executeQuery("SELECT 1")) {
					rs.next();
					answer.set(rs.getInt(1));
				} catch (SQLException e) {
					answer.set(e);
				}
			}));
			side.start();
			side.join(30_000);
			assertEquals(1, answer.get());
			assertEquals(2, mainPool().getActiveConnections(), "the side thread took none from the main pool");
		}
	}

	@Test
	void theMarkIsOnlyForTheWrappedWork() {
		assertFalse(ConnectionPools.isSideThread());
		AtomicReference<Boolean> during = new AtomicReference<>();
		ConnectionPools.onSidePool(() -> during.set(ConnectionPools.isSideThread())).run();
		assertTrue(during.get());
		assertFalse(ConnectionPools.isSideThread(), "the mark is gone after the work");
	}

	private HikariPoolMXBean mainPool() throws SQLException {
		return pools.unwrap(HikariDataSource.class).getHikariPoolMXBean();
	}
}
