Invariant: cwh-outreach-1
Description: "Outreach names the handoff Task (partOf) or the referral (basedOn) it serves."
Severity: #error
Expression: "partOf.exists() or basedOn.exists()"
