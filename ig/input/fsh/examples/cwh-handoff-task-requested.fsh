Instance: cwh-handoff-task-requested
InstanceOf: CwhHandoffTask
Title: "Handoff requested"
Description: "Step 6: the referrer posts the handoff to Northside; it must be accepted within 24 hours."
Usage: #example
* status = #requested
* intent = #order
* code = $task-code#fulfill
* priority = #urgent
* focus = Reference(cwh-referral-recovery-coaching)
* for = Reference(cwh-patient-jordan)
* authoredOn = "2026-03-03T01:05:00-08:00"
* lastModified = "2026-03-03T01:05:00-08:00"
* requester = Reference(cwh-organization-harbor-crisis)
* owner = Reference(cwh-organization-northside-rco)
* restriction.period.end = "2026-03-04T01:05:00-08:00"
