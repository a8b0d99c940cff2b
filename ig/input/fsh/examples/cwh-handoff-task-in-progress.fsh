Instance: cwh-handoff-task-in-progress
InstanceOf: CwhHandoffTask
Title: "Handoff in progress: contact made"
Description: "Step 9: the recovery coach reached Jordan by text after one missed call."
Usage: #example
* status = #in-progress
* intent = #order
* code = $task-code#fulfill
* priority = #urgent
* focus = Reference(cwh-referral-recovery-coaching)
* for = Reference(cwh-patient-jordan)
* authoredOn = "2026-03-03T01:05:00-08:00"
* lastModified = "2026-03-03T14:35:00-08:00"
* requester = Reference(cwh-organization-harbor-crisis)
* owner = Reference(cwh-organization-northside-rco)
* restriction.period.end = "2026-03-04T01:05:00-08:00"
* identifier[filler].type = $v2-0203#FILL
* identifier[filler].system = "http://northside-recovery.example.org/fhir/sid/intake"
* identifier[filler].value = "NS-7781"
* businessStatus = CwhHandoffStep#contact-made
