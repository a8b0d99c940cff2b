package org.cwh.ops;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per HTTP request on logger {@code cwh.access}: method, path without the query string, status and
 * duration. The query string is left out on purpose: FHIR searches carry names and identifiers, which must never
 * reach a log. Installed on Jetty by the server.
 */
public final class AccessLog implements RequestLog {

	private static final Logger log = LoggerFactory.getLogger("cwh.access");

	@Override
	public void log(Request request, Response response) {
		if (!log.isInfoEnabled()) {
			return;
		}
		long millis = System.currentTimeMillis() - Request.getTimeStamp(request);
		log.info("{} {} {} {}ms", request.getMethod(), request.getHttpURI().getPath(), response.getStatus(), millis);
	}
}
