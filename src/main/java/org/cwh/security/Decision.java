package org.cwh.security;

/**
 * An authorization answer: allowed, or refused with the rule or scope that refuses it, in words a client developer
 * can act on (the 403 OperationOutcome carries it as diagnostics).
 */
record Decision(boolean allowed, String reason) {

	static final Decision ALLOW = new Decision(true, "");

	static Decision deny(String reason) {
		return new Decision(false, reason);
	}
}
