package org.cwh.config;

/** The one place that orders CWH hooks; HAPI calls lower numbers first, and its own hooks default to 0. */
public final class InterceptorOrder {

	/** Request hygiene and protocol fixes that must see a request before anyone acts on it. */
	public static final int PROTOCOL = -200;
	/** Who is calling: known before any HAPI hook asks. */
	public static final int SECURITY = -100;
	/** What the caller may do: right after it is known, before any hook validates, labels or stores. */
	public static final int AUTHORIZATION = -90;
	/** Is the write valid against our IG. */
	public static final int PROFILES = 200;
	/** Label on write, decide on read. */
	public static final int PRIVACY = 300;
	/** May this Task move. */
	public static final int WORKFLOW = 400;
	/** What a committed handoff change means for its deadlines: acceptance time, resolved Flags, escalations. */
	public static final int DEADLINES = 450;
	/** Who hears about the write: the notification outbox, once every check has passed. */
	public static final int NOTIFY = 800;
	/** Record the disclosure last. */
	public static final int AUDIT = 900;

	private InterceptorOrder() {}
}
