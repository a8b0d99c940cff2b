CodeSystem: CwhError
Id: cwh-error
Title: "CWH Error"
Description: "Why CWH refused a request: the stable codes its OperationOutcomes carry in issue.details.coding. Each feature owns a range (workflow 1000-1099, notifications 1300-1399); the message beside a code may be reworded, the code is not."
* ^purpose = "A client needs a stable key to react to a refusal (show the allowed next moves, ask for a reason) without parsing English text; FHIR's IssueType is too coarse to tell these apart."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #CWH-1001 "Task move not allowed" "409: the handoff state table has no move from the Task's current status to the one sent. The OperationOutcome lists the current status and the moves the caller may make."
* #CWH-1002 "Task move by the wrong party" "403: the move exists, but the other party (owner or requester) makes it."
* #CWH-1003 "Task is final" "409: a completed, failed, rejected, cancelled or entered-in-error Task does not change; only the requester may still mark it entered-in-error."
* #CWH-1004 "Status reason required" "422: a rejected, cancelled, on-hold or failed Task says why in statusReason."
* #CWH-1005 "Fixed Task element changed" "422: owner, requester, focus and code of a handoff Task do not change; a handoff elsewhere is a new Task."
* #CWH-1006 "businessStatus is the owner's" "403: only the owner records the handoff steps in businessStatus."
* #CWH-1007 "Handoff must start requested" "422: a handoff Task is created with status requested."
* #CWH-1008 "Not a party to the handoff" "403: the caller's organization is neither the owner nor the requester of the Task."
* #CWH-1009 "Completion without output" "422: a completed handoff references what was done (output resulting-activity: Procedure or Encounter)."
* #CWH-1010 "Handoff Task not deletable" "409: a handoff Task is cancelled or marked entered-in-error, never deleted."
* #CWH-1011 "Creator is not the requester" "403: a client creates handoff Tasks only with its own Organization as requester."
* #CWH-1301 "Subscription channel not rest-hook" "422: the server delivers rest-hook Subscriptions only."
* #CWH-1302 "Subscription endpoint not allowed" "422: the endpoint is not https (unless the operator allows http) or not on the operator's list of allowed notification endpoints (no deliveries to arbitrary addresses)."
* #CWH-1303 "Subscription payload not id-only" "422: notifications carry ids only (Backport payload content id-only), never resource content."
* #CWH-1304 "Subscription criteria not usable" "422: the criteria or a filter is not a query on the topic's resource that the server can evaluate on each write."
* #CWH-1305 "Unknown subscription topic" "422: no active SubscriptionTopic (Basic) on the server has this canonical url."
* #CWH-1306 "Subscription header not usable" "422: channel.header must be 'Name: value' and must not name a header the server sets itself (Host, Content-Type, Content-Length, ...)."
* #CWH-1307 "Subscription to another organization's Tasks" "403: a provider subscribes only to Tasks its organization owns (owner=Organization/<own>), a referrer only to Tasks it requested (requester=Organization/<own>)."
