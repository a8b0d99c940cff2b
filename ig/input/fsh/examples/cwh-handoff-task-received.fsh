Instance: cwh-handoff-task-received
InstanceOf: CwhHandoffTask
Title: "Handoff received"
Description: "Step 7: Northside has seen the handoff and not yet decided."
Usage: #example
* status = #received
* intent = #order
* code = $task-code#fulfill
* priority = #urgent
* focus = Reference(cwh-referral-recovery-coaching)
* for = Reference(cwh-patient-jordan)
* authoredOn = "2026-03-03T01:05:00-08:00"
* lastModified = "2026-03-03T08:10:00-08:00"
* requester = Reference(cwh-organization-harbor-crisis)
* owner = Reference(cwh-organization-northside-rco)
* restriction.period.end = "2026-03-04T01:05:00-08:00"
* identifier[filler].type = $v2-0203#FILL
* identifier[filler].system = "http://northside-recovery.example.org/fhir/sid/intake"
* identifier[filler].value = "NS-7781"
