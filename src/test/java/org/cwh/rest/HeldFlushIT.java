package org.cwh.rest;

import static org.cwh.rest.TestData.family;
import static org.cwh.rest.TestData.patient;
import static org.cwh.rest.TestData.uuid;
import static org.cwh.testing.CwhServerExtension.fhir;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.cwh.testing.CwhServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HAPI's JSON writer flushes after every value; {@link HeldFlushFilter} keeps those flushes from reaching the
 * network, so a response goes out in buffer-sized pieces. Read off the wire with a plain socket, since an HTTP client
 * hides how the body was framed.
 */
@ExtendWith(CwhServerExtension.class)
class HeldFlushIT {

	@Test
	void aSmallResourceGoesOutInOnePieceWithItsLength() {
		String id = fhir().body(patient(family(), uuid())).post("/Patient").then().statusCode(201)
				.extract().jsonPath().getString("id");
		fhir().get("/Patient/" + id).then().statusCode(200)
				.header("Transfer-Encoding", nullValue())
				.header("Content-Length", Integer::parseInt, greaterThan(100))
				.body("id", equalTo(id));
	}

	@Test
	void aLargeResponseGoesOutInBufferSizedChunksNotOnePerValue() throws IOException {
		Framing framing = get("/metadata");
		assertEquals(200, framing.status);
		assertTrue(framing.bodyBytes > 500_000, "the CapabilityStatement is large: " + framing.bodyBytes + " bytes");
		// Without the filter every JSON value was a chunk: tens of thousands for this statement.
		long meanChunk = framing.bodyBytes / framing.chunks;
		assertTrue(meanChunk >= 8 * 1024, framing.chunks + " chunks for " + framing.bodyBytes + " bytes");
	}

	private record Framing(int status, int chunks, long bodyBytes) {}

	/** GETs a path below the FHIR base over HTTP/1.1 and counts the chunks of its chunked body. */
	private static Framing get(String path) throws IOException {
		URI base = URI.create(CwhServerExtension.server().baseUrl());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
					+ "Accept: application/fhir+json\r\nAuthorization: " + CwhServerExtension.adminAuthorization()
					+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			boolean chunked = false;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				if (header.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
						&& header.toLowerCase(Locale.ROOT).contains("chunked")) {
					chunked = true;
				}
			}
			assertTrue(chunked, "a large response of unknown length is chunked");
			int chunks = 0;
			long bytes = 0;
			for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
					size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
				chunks++;
				bytes += in.readNBytes(size).length;
				line(in);
			}
			return new Framing(status, chunks, bytes);
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("the connection closed mid-line");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}
}
