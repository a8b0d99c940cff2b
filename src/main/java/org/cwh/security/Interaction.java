package org.cwh.security;

/**
 * The five SMART v2 permission letters, in the order a scope writes them ({@code cruds}), with the v1 word that also
 * grants each ({@code read} = rs, {@code write} = cud).
 */
enum Interaction {
	/** create, and the create half of a conditional update that finds nothing. */
	CREATE('c', "write"),
	/** read, vread, instance history. */
	READ('r', "read"),
	/** update, patch. */
	UPDATE('u', "write"),
	/** delete, conditional delete. */
	DELETE('d', "write"),
	/** type search, type history, and system search or history over the types listed. */
	SEARCH('s', "read");

	private final char letter;
	private final String v1;

	Interaction(char letter, String v1) {
		this.letter = letter;
		this.v1 = v1;
	}

	char letter() {
		return letter;
	}

	/** The v1 word ({@code read} or {@code write}) that grants this interaction too. */
	String v1() {
		return v1;
	}
}
