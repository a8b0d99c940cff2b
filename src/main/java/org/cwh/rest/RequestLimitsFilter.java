package org.cwh.rest;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Guards the FHIR endpoint before HAPI parses anything: bodies over {@code cwh.max-body-size} get 413 (checked on
 * {@code Content-Length} and again while reading, so chunked uploads cannot slip past), and XML carrying a
 * {@code <!DOCTYPE} gets 400, since a DTD is how entity-expansion and external-entity attacks arrive. Both answers
 * are OperationOutcomes. Mounted on {@code /fhir/*} by the server.
 */
public final class RequestLimitsFilter implements Filter {

	private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);

	private final long maxBodyBytes;
	private final OutcomeWriter outcomes;

	public RequestLimitsFilter(RestSettings settings, FhirContext fhirContext) {
		this.maxBodyBytes = settings.maxBodyBytes();
		this.outcomes = new OutcomeWriter(fhirContext);
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		if (!hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > maxBodyBytes) {
			drainThenRefuse(request, response);
			return;
		}
		byte[] body = readAtMost(request.getInputStream(), maxBodyBytes + 1);
		if (body.length > maxBodyBytes) {
			drainThenRefuse(request, response);
			return;
		}
		body = withoutByteOrderMark(body);
		if (looksLikeXml(request, body) && DOCTYPE.matcher(new String(body, StandardCharsets.ISO_8859_1)).find()) {
			outcomes.write(request, response, 400, IssueType.SECURITY,
					"XML with a DOCTYPE declaration is not accepted; send the resource without a DTD");
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	/**
	 * Most clients read the answer only after sending the whole body, so a refusal sent mid-upload reaches them as a
	 * broken pipe. Reading and discarding up to as much again as the limit lets them see the 413; past that the
	 * upload is abuse and the connection is simply closed.
	 */
	private void drainThenRefuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared < 0 || declared <= 2 * maxBodyBytes) {
			InputStream in = request.getInputStream();
			byte[] sink = new byte[64 * 1024];
			long drained = 0;
			int n;
			while (drained <= maxBodyBytes && (n = in.read(sink)) >= 0) {
				drained += n;
			}
		}
		outcomes.write(request, response, 413, IssueType.TOOLONG,
				"Request body is larger than the " + maxBodyBytes + " bytes this server accepts (cwh.max-body-size)");
	}

	/** A UTF-8 byte order mark is legal before JSON and XML but HAPI's parsers trip on it. */
	static byte[] withoutByteOrderMark(byte[] body) {
		if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
			return java.util.Arrays.copyOfRange(body, 3, body.length);
		}
		return body;
	}

	private static boolean hasBody(HttpServletRequest request) {
		String method = request.getMethod();
		return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
	}

	private static boolean looksLikeXml(HttpServletRequest request, byte[] body) {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).contains("xml")) {
			return true;
		}
		for (byte b : body) {
			if (b == '<') {
				return true;
			}
			if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
				return false;
			}
		}
		return false;
	}

	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 16));
	}

	/** The request with its body already read, replayed to HAPI from memory. */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already in memory");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
