package org.cwh.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a GET entry of a transaction or batch asks for, from its relative URL. HAPI runs such entries without the
 * incoming-request hooks, so their authorization and narrowing are decided from this. Pure.
 *
 * @param kind what the entry does
 * @param resourceType the type read or searched ({@code *} for a search or history over every type); the type an
 *     operation runs on, or null at server level
 * @param instance whether an operation runs on one resource
 * @param operation the operation name with its {@code $}, for {@link Kind#OPERATION}
 * @param path the URL before {@code ?}
 * @param query the URL after {@code ?}, or empty
 */
record ReadEntry(Kind kind, String resourceType, boolean instance, String operation, String path, String query) {

	enum Kind {
		/** read, vread, instance history: {@code Task/1}, {@code Task/1/_history/2}, {@code Task/1/_history}. */
		READ,
		/** type or compartment search, type or server history: {@code Task?…}, {@code Patient/1/Task}. */
		SEARCH,
		/** {@code Patient/1/$everything}, {@code Observation/$lastn}, {@code $meta}. */
		OPERATION,
		/** {@code metadata}. */
		METADATA
	}

	static ReadEntry parse(String url) {
		String relative = url.startsWith("/") ? url.substring(1) : url;
		int mark = relative.indexOf('?');
		String path = mark < 0 ? relative : relative.substring(0, mark);
		String query = mark < 0 ? "" : relative.substring(mark + 1);
		List<String> segments = new ArrayList<>(Arrays.asList(path.split("/")));
		segments.removeIf(String::isEmpty);
		if (segments.isEmpty() || segments.get(0).equals("_history") || segments.get(0).equals("_search")) {
			return new ReadEntry(Kind.SEARCH, "*", false, null, path, query);
		}
		String first = segments.get(0);
		if (first.equals("metadata")) {
			return new ReadEntry(Kind.METADATA, null, false, null, path, query);
		}
		if (first.startsWith("$")) {
			return new ReadEntry(Kind.OPERATION, null, false, first, path, query);
		}
		if (segments.size() == 1) {
			return new ReadEntry(Kind.SEARCH, first, false, null, path, query);
		}
		String second = segments.get(1);
		if (second.equals("_history") || second.equals("_search")) {
			return new ReadEntry(Kind.SEARCH, first, false, null, path, query);
		}
		if (second.startsWith("$")) {
			return new ReadEntry(Kind.OPERATION, first, false, second, path, query);
		}
		if (segments.size() == 2 || segments.get(2).equals("_history")) {
			return new ReadEntry(Kind.READ, first, true, null, path, query);
		}
		String third = segments.get(2);
		if (third.startsWith("$")) {
			return new ReadEntry(Kind.OPERATION, first, true, third, path, query);
		}
		// Patient/1/Task: a search of the compartment, over the third segment's type.
		return new ReadEntry(Kind.SEARCH, third, false, null, path, query);
	}

	/** The id of the resource an instance operation or read names ({@code Task/1/$meta} gives {@code 1}). */
	String instanceId() {
		String[] segments = path.replaceFirst("^/", "").split("/");
		return segments.length > 1 ? segments[1] : null;
	}
}
