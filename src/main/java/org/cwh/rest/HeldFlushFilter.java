package org.cwh.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Lets the container, not HAPI's JSON writer, decide when response bytes go to the network. HAPI writes every JSON
 * value through Jackson's {@code ObjectMapper.writeValue}, which flushes after each one
 * ({@code SerializationFeature.FLUSH_AFTER_WRITE_VALUE}); each flush reached Jetty, so every value of a response went
 * out as its own HTTP chunk in its own system call (the 1.7 MB CapabilityStatement as tens of thousands of them). Here
 * a flush from the application is a no-op: bytes collect in Jetty's output buffer, which is written when full and
 * when the response completes, so a small resource goes out as one write with a {@code Content-Length} and a large
 * one streams in buffer-sized chunks. Closing still completes the response. Mounted on {@code /fhir/*} by the server;
 * nothing under {@code /fhir} streams partial answers a client must see before the response ends.
 */
public final class HeldFlushFilter implements Filter {

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		chain.doFilter(request, new HeldFlushResponse((HttpServletResponse) response));
	}

	private static final class HeldFlushResponse extends HttpServletResponseWrapper {
		private PrintWriter writer;
		private ServletOutputStream output;

		HeldFlushResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				writer = new PrintWriter(new FilterWriter(super.getWriter()) {
					@Override
					public void flush() {
						// held: the container writes when its buffer is full or the response ends
					}
				});
			}
			return writer;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (output == null) {
				output = new HeldFlushOutput(super.getOutputStream());
			}
			return output;
		}
	}

	private static final class HeldFlushOutput extends ServletOutputStream {
		private final ServletOutputStream out;

		HeldFlushOutput(ServletOutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void flush() {
			// held: the container writes when its buffer is full or the response ends
		}

		@Override
		public void close() throws IOException {
			out.close();
		}

		@Override
		public boolean isReady() {
			return out.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			out.setWriteListener(listener);
		}
	}
}
