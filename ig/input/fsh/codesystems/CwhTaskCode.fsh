CodeSystem: CwhTaskCode
Id: cwh-task-code
Title: "CWH Task Code"
Description: "Tasks the CWH server itself creates around a warm handoff: an escalation to the referrer and an outreach after a missed first visit."
* ^purpose = "The handoff Task is task-code#fulfill (SDOH Clinical Care); the Tasks the server raises when a handoff stalls ask for other work, which neither task-code nor the SDOH CC codes name."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #escalation "Handoff escalation" "A deadline of the handoff passed or a new high-risk screening arrived: the referrer is asked to act (call the receiver, find another service, reach the person)."
* #outreach "Outreach after a missed visit" "The person missed the first visit: reach out (peer-support organization, or the referrer when the referral names none)."
