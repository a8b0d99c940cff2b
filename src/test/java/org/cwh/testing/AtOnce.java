package org.cwh.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs copies of one request on as many threads, released together by one latch: how a race between retries or
 * parallel updates is provoked, rather than hoped for.
 */
public final class AtOnce {

	private AtOnce() {
	}

	/** {@code copies} calls of {@code request} at once; their results in submission order, each within {@code wait}. */
	public static <T> List<T> fire(int copies, Duration wait, Callable<T> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(copies);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < copies; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return request.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get(wait.toMillis(), TimeUnit.MILLISECONDS));
			}
			return results;
		} finally {
			pool.shutdownNow();
		}
	}
}
