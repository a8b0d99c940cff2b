package org.cwh.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/live} (the process answers) and {@code /health/ready} (the database answers a query within two
 * seconds), outside {@code /fhir} so load balancers and container health checks need no token. Mounted by the server.
 */
public final class HealthServlet extends HttpServlet {

	private static final Logger log = LoggerFactory.getLogger(HealthServlet.class);
	private static final int READY_TIMEOUT_SECONDS = 2;

	private final transient DataSource dataSource;

	public HealthServlet(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getPathInfo() == null ? "" : request.getPathInfo();
		switch (path) {
			case "/live" -> answer(response, 200, "UP", null);
			case "/ready" -> ready(response);
			default -> answer(response, 404, "UNKNOWN", "health endpoints are /health/live and /health/ready");
		}
	}

	private void ready(HttpServletResponse response) throws IOException {
		try (Connection connection = dataSource.getConnection()) {
			if (connection.isValid(READY_TIMEOUT_SECONDS)) {
				answer(response, 200, "UP", null);
				return;
			}
			answer(response, 503, "DOWN", "database did not answer within " + READY_TIMEOUT_SECONDS + " s");
		} catch (SQLException e) {
			log.warn("readiness check failed: {}", e.getMessage());
			answer(response, 503, "DOWN", "database unavailable");
		}
	}

	private static void answer(HttpServletResponse response, int status, String state, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "no-store");
		String body = detail == null
				? "{\"status\":\"" + state + "\"}"
				: "{\"status\":\"" + state + "\",\"detail\":\"" + detail + "\"}";
		response.getWriter().write(body);
	}
}
