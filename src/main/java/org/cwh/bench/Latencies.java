package org.cwh.bench;

import java.util.Arrays;

/** Request latencies of one workload, and what it did per second over its wall-clock time. */
final class Latencies {

	private long[] nanos = new long[1024];
	private int count;

	synchronized void add(long latencyNanos) {
		if (count == nanos.length) {
			nanos = Arrays.copyOf(nanos, count * 2);
		}
		nanos[count++] = latencyNanos;
	}

	synchronized void addAll(Latencies other) {
		for (int i = 0; i < other.count; i++) {
			add(other.nanos[i]);
		}
	}

	synchronized int count() {
		return count;
	}

	/** The latency below which {@code percent} of requests finished, in milliseconds. */
	synchronized double percentileMillis(double percent) {
		if (count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(nanos, count);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percent / 100.0 * count) - 1;
		return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
	}

	double perSecond(long elapsedNanos) {
		return count() * 1_000_000_000.0 / elapsedNanos;
	}
}
