package org.cwh.security;

/**
 * A bearer token or a client's proof of identity was refused. The message says why, for the caller's
 * {@code error_description} or OperationOutcome; it never quotes the token.
 */
final class TokenException extends Exception {

	/** How the refusal reads in an OAuth2 error: {@code invalid_token}, {@code invalid_client}, ... */
	private final String error;

	TokenException(String error, String message) {
		super(message, null, false, false);
		this.error = error;
	}

	String error() {
		return error;
	}
}
