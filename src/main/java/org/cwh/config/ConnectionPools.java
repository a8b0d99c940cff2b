package org.cwh.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The server's one {@link DataSource}, over two HikariCP pools: {@code cwh-db} ({@code cwh.db.pool-size}
 * connections) for everything, and {@code cwh-db-side} (a few) for the threads that work beside requests which wait
 * for them, such as the validation of a transaction beside its write. Such a request holds its connection while it
 * waits; if the thread it waits for had to take one from the same pool, retries blocked on the request's row locks
 * could hold all the others, and neither would move (50 retries of one handoff did exactly that, for 30 s). Side
 * threads opt in with {@link #onSidePool}; every other thread takes from the main pool, as before. Made by
 * {@link PersistenceConfig}; the side pool opens its connections only when a side thread first asks.
 */
public final class ConnectionPools implements DataSource, AutoCloseable {

	private static final ThreadLocal<Boolean> SIDE = new ThreadLocal<>();

	private final HikariDataSource main;
	private final HikariDataSource side;

	ConnectionPools(HikariDataSource main, HikariDataSource side) {
		this.main = main;
		this.side = side;
	}

	/** Both pools for this database: the main one sized by the settings, the side one with {@code sideSize}. */
	static ConnectionPools open(DatabaseSettings db, String jdbcUrl, int sideSize) {
		HikariConfig mainConfig = config(db, jdbcUrl, "cwh-db", db.poolSize());
		mainConfig.setMinimumIdle(Math.min(2, db.poolSize()));
		// Fail fast with a clear line when the database is unreachable at start-up.
		mainConfig.setInitializationFailTimeout(10_000);
		HikariDataSource main = new HikariDataSource(mainConfig);
		HikariConfig sideConfig = config(db, jdbcUrl, "cwh-db-side", sideSize);
		sideConfig.setMinimumIdle(0);
		// The main pool has just reached the database; this one connects on first use.
		sideConfig.setInitializationFailTimeout(-1);
		return new ConnectionPools(main, new HikariDataSource(sideConfig));
	}

	private static HikariConfig config(DatabaseSettings db, String jdbcUrl, String name, int size) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(name);
		config.setJdbcUrl(jdbcUrl);
		if (!db.user().isEmpty()) {
			config.setUsername(db.user());
		}
		config.setPassword(db.password());
		config.setMaximumPoolSize(size);
		config.setConnectionTimeout(30_000);
		return config;
	}

	/** {@code work} wrapped so that, on whatever thread runs it, its connections come from the side pool. */
	public static Runnable onSidePool(Runnable work) {
		return () -> {
			SIDE.set(Boolean.TRUE);
			try {
				work.run();
			} finally {
				SIDE.remove();
			}
		};
	}

	/** Whether this thread's connections come from the side pool. */
	public static boolean isSideThread() {
		return SIDE.get() != null;
	}

	private DataSource current() {
		return isSideThread() ? side : main;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return current().getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return current().getConnection(username, password);
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return main.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		main.setLogWriter(out);
		side.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		main.setLoginTimeout(seconds);
		side.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return main.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return main.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return iface.isInstance(this) ? iface.cast(this) : main.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || main.isWrapperFor(iface);
	}

	@Override
	public void close() {
		side.close();
		main.close();
	}
}
