package org.cwh.ops;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands memory the JVM's native allocations have freed back to the operating system every {@link #EVERY}: what the
 * JVM option {@code -XX:TrimNativeHeapInterval} does, asked for through the JVM's own diagnostic command
 * ({@code System.trim_native_heap}), so a node started without JVM options gets it too. glibc keeps what the JIT
 * compiler, zip inflaters and other native users free in its arenas; on a loaded node each trim returned 20 to 40 MB of
 * resident memory that would otherwise count against a container's limit. Costs a few milliseconds; where the JVM or
 * the C library has no such command (not glibc, older JDK 17 updates) it logs once and stops. Started by the server
 * once it serves, stopped with it.
 */
public final class NativeMemoryTrim implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(NativeMemoryTrim.class);

	static final Duration EVERY = Duration.ofSeconds(30);
	private static final String OPERATION = "systemTrimNativeHeap";

	private final ScheduledExecutorService timer;

	private NativeMemoryTrim(ScheduledExecutorService timer) {
		this.timer = timer;
	}

	/**
	 * Starts trimming every {@link #EVERY} on a daemon thread. The first trim also finds out whether this JVM can; if
	 * not, the thread logs that once and stops. Nothing of it runs on the caller's thread: the JMX server it needs
	 * is not built during start-up.
	 */
	public static NativeMemoryTrim start() {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "cwh-native-trim");
			thread.setDaemon(true);
			return thread;
		});
		timer.scheduleWithFixedDelay(() -> {
			Optional<String> result = trimOnce();
			if (result.isPresent()) {
				log.debug("ops: {}", result.get());
			} else {
				log.info("ops: this JVM cannot trim its native heap (System.trim_native_heap); left as it is");
				timer.shutdown();
			}
		}, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
		return new NativeMemoryTrim(timer);
	}

	/** Trims now; the JVM's answer ({@code Trim native heap: RSS+Swap: 881M->842M ...}), or empty if it cannot. */
	static Optional<String> trimOnce() {
		try {
			MBeanServer server = ManagementFactory.getPlatformMBeanServer();
			ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
			// A JVM without the command answers with a ReflectionException (a JMException).
			Object answer = server.invoke(commands, OPERATION, new Object[] {new String[0]},
					new String[] {String[].class.getName()});
			String text = String.valueOf(answer).trim();
			return text.toLowerCase(java.util.Locale.ROOT).contains("not available") ? Optional.empty()
					: Optional.of(text);
		} catch (JMException | RuntimeException e) {
			return Optional.empty();
		}
	}

	boolean running() {
		return !timer.isShutdown();
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}
}
