package org.cwh.profiles;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cwh.config.ConnectionPools;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a FHIR transaction's entries on another core while HAPI writes them, so a handoff's latency is the
 * longer of the two instead of their sum (validation is pure CPU, a third of a validated handoff's time, and a
 * one-connection client leaves the second core idle). {@link ProfileEnforcer} starts it with copies of the entries
 * taken before HAPI touches them, and waits for it before the database transaction commits.
 *
 * <p>A request waiting here holds a database connection, and a validation may need one too (a terminology cache
 * miss reads the database): its threads take theirs from the side pool ({@link ConnectionPools#onSidePool}), never
 * from the one the waiting requests hold. With the queue full, {@link #start} declines and the entries are validated
 * in the request's own thread, inside its transaction, as before; a validation no thread has begun when its request
 * asks for it runs in the request's thread too, so a burst never waits behind the queue. Owned by
 * {@link ProfileEnforcer}.
 */
final class OverlappedValidation implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OverlappedValidation.class);

	private final ValidationInOneCall validation;
	private final ThreadPoolExecutor pool;
	private final AtomicLong besideWrites = new AtomicLong();

	OverlappedValidation(ValidationInOneCall validation, int threads) {
		this.validation = validation;
		AtomicInteger n = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(threads * 4), r -> {
					Thread t = new Thread(ConnectionPools.onSidePool(r), "cwh-validate-" + n.incrementAndGet());
					t.setDaemon(true);
					return t;
				});
		this.pool.allowCoreThreadTimeOut(true);
	}

	/**
	 * Starts validating {@code copies} (the transaction's entries, which nobody else touches any more) as
	 * {@link ValidationInOneCall#errorsOfCopies} does; null when declined (validate in the request's thread).
	 */
	Pending start(List<Resource> copies) {
		Pending pending = new Pending(copies);
		try {
			pool.execute(() -> pending.runOnce(true));
		} catch (RejectedExecutionException e) {
			return null;
		}
		return pending;
	}

	/** Validations a pool thread has run (not the request's own thread): what a test checks the overlap by. */
	long besideWrites() {
		return besideWrites.get();
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

	/** One transaction's validation, run once by whichever thread gets to it first. */
	final class Pending {

		private final List<Resource> copies;
		private final AtomicBoolean claimed = new AtomicBoolean();
		private final CompletableFuture<List<OperationOutcome>> outcomes = new CompletableFuture<>();

		private Pending(List<Resource> copies) {
			this.copies = copies;
		}

		private void runOnce(boolean onPool) {
			if (!claimed.compareAndSet(false, true)) {
				return;
			}
			if (onPool) {
				besideWrites.incrementAndGet();
			}
			try {
				outcomes.complete(validation.errorsOfCopies(copies));
			} catch (RuntimeException | Error e) {
				outcomes.completeExceptionally(e);
			}
		}

		/**
		 * Each entry's errors, in the order started with (running the validation here if no pool thread has begun
		 * it); null when it failed, and the caller validates the usual way.
		 */
		List<OperationOutcome> await() {
			runOnce(false);
			try {
				return outcomes.join();
			} catch (CompletionException e) {
				log.warn("profiles: validating a transaction beside its write failed ({}); validating it again in the "
						+ "request's thread", e.getCause().toString());
				return null;
			}
		}
	}
}
