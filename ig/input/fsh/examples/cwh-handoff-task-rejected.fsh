Instance: cwh-handoff-task-rejected
InstanceOf: CwhHandoffTask
Title: "Handoff rejected: no openings"
Description: "Bayview cannot see Jordan within the deadline and says why (statusReason, cwh-task-1), so the referrer can look elsewhere."
Usage: #example
* status = #rejected
* statusReason.text = "No openings for new clients before April 14; please refer elsewhere for a visit within 7 days."
* intent = #order
* code = $task-code#fulfill
* priority = #routine
* focus = Reference(cwh-referral-outpatient-therapy)
* for = Reference(cwh-patient-jordan)
* authoredOn = "2026-03-03T01:07:00-08:00"
* lastModified = "2026-03-03T09:20:00-08:00"
* requester = Reference(cwh-organization-harbor-crisis)
* owner = Reference(cwh-organization-bayview-counseling)
* restriction.period.end = "2026-03-04T01:07:00-08:00"
