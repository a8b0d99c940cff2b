Instance: cwh-handoff-task-accepted
InstanceOf: CwhHandoffTask
Title: "Handoff accepted"
Description: "Step 8: Northside accepts; a recovery coach will reach out."
Usage: #example
* status = #accepted
* intent = #order
* code = $task-code#fulfill
* priority = #urgent
* focus = Reference(cwh-referral-recovery-coaching)
* for = Reference(cwh-patient-jordan)
* authoredOn = "2026-03-03T01:05:00-08:00"
* lastModified = "2026-03-03T09:00:00-08:00"
* requester = Reference(cwh-organization-harbor-crisis)
* owner = Reference(cwh-organization-northside-rco)
* restriction.period.end = "2026-03-04T01:05:00-08:00"
* identifier[filler].type = $v2-0203#FILL
* identifier[filler].system = "http://northside-recovery.example.org/fhir/sid/intake"
* identifier[filler].value = "NS-7781"
