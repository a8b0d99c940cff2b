package org.cwh.notify;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.cwh.config.SettingException;
import org.cwh.config.SettingKey;
import org.cwh.config.SettingsSource;

/**
 * Notifications: where rest-hook deliveries may go and how they are retried. Keys {@code cwh.notify.*}.
 *
 * @param allowedEndpoints hosts ({@code hooks.example.org}) or URL prefixes ({@code https://hooks.example.org/cwh/})
 *                         a Subscription endpoint must match; empty = no endpoint is allowed (nothing is delivered)
 * @param allowHttp        allow {@code http://} endpoints too (tests, loopback demos); https only by default
 * @param pollInterval     how often a node looks for deliveries written by other nodes or due after a back-off
 * @param retryFirst       the wait after the first failed attempt; each further failure doubles it
 * @param retryMax         the longest wait between attempts; attempts never stop until the receiver answers 2xx
 * @param timeout          how long one attempt may take (connect and answer)
 * @param keepDelivered    how long a delivered notification stays in the outbox (to diagnose a receiver's
 *                         complaint) before it is deleted; undelivered ones stay until delivered
 */
public record NotifySettings(List<String> allowedEndpoints, boolean allowHttp, Duration pollInterval,
		Duration retryFirst, Duration retryMax, Duration timeout, Duration keepDelivered) {

	public static final SettingKey ALLOWED_ENDPOINTS = new SettingKey("cwh.notify.allowed-endpoints", "",
			"comma-separated hosts or URL prefixes Subscription endpoints may point to (empty: none)");
	public static final SettingKey ALLOW_HTTP = new SettingKey("cwh.notify.allow-http", "false",
			"allow http:// Subscription endpoints (otherwise https only)");
	public static final SettingKey POLL_INTERVAL = new SettingKey("cwh.notify.poll-interval", "1s",
			"how often a node looks for notifications written by other nodes or due after a back-off");
	public static final SettingKey RETRY_FIRST = new SettingKey("cwh.notify.retry-first", "10s",
			"wait after a failed delivery; doubles with each further failure");
	public static final SettingKey RETRY_MAX = new SettingKey("cwh.notify.retry-max", "10m",
			"longest wait between delivery attempts (attempts go on until the receiver answers 2xx)");
	public static final SettingKey TIMEOUT = new SettingKey("cwh.notify.timeout", "10s",
			"how long one delivery attempt may take");
	public static final SettingKey KEEP_DELIVERED = new SettingKey("cwh.notify.keep-delivered", "168h",
			"how long delivered notifications stay in the outbox before they are deleted");

	public static final List<SettingKey> KEYS =
			List.of(ALLOWED_ENDPOINTS, ALLOW_HTTP, POLL_INTERVAL, RETRY_FIRST, RETRY_MAX, TIMEOUT, KEEP_DELIVERED);

	public NotifySettings {
		allowedEndpoints = List.copyOf(allowedEndpoints);
	}

	public static NotifySettings from(SettingsSource source) {
		List<String> allowed = Arrays.stream(source.string(ALLOWED_ENDPOINTS).split(","))
				.map(String::trim).filter(s -> !s.isEmpty()).toList();
		for (String entry : allowed) {
			if (!EndpointPolicy.isValidEntry(entry)) {
				throw new SettingException(ALLOWED_ENDPOINTS, "host names or http(s) URL prefixes", entry);
			}
		}
		Duration first = source.duration(RETRY_FIRST);
		Duration max = source.duration(RETRY_MAX);
		if (max.compareTo(first) < 0) {
			throw new SettingException(RETRY_MAX, "at least " + RETRY_FIRST.displayName(), source.string(RETRY_MAX));
		}
		return new NotifySettings(allowed, source.bool(ALLOW_HTTP), source.duration(POLL_INTERVAL), first, max,
				source.duration(TIMEOUT), source.duration(KEEP_DELIVERED));
	}

	/** The wait before attempt {@code failures + 1}: {@code retryFirst × 2^(failures−1)}, at most {@link #retryMax}. */
	public Duration backoff(int failures) {
		if (failures <= 0) {
			return Duration.ZERO;
		}
		Duration wait = retryFirst;
		for (int i = 1; i < failures && wait.compareTo(retryMax) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(retryMax) > 0 ? retryMax : wait;
	}
}
