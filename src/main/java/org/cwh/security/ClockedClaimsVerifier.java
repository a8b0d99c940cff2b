package org.cwh.security;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

/** Nimbus' claims checks (audience, required and exact claims, exp, nbf) on the server's injected {@link Clock}. */
final class ClockedClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

	/** How far apart client and server clocks may be for exp, nbf and iat; nimbus' default. */
	static final int CLOCK_SKEW_SECONDS = 60;

	private final Clock clock;

	ClockedClaimsVerifier(Clock clock, String audience, JWTClaimsSet exact, Set<String> required) {
		// A mutable set: nimbus asks it whether it contains null, which Set.of answers with an exception.
		super(new HashSet<>(Set.of(audience)), exact, required, null);
		this.clock = clock;
		setMaxClockSkew(CLOCK_SKEW_SECONDS);
	}

	@Override
	protected Date currentTime() {
		return Date.from(clock.instant());
	}
}
