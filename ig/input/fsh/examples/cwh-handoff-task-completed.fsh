Instance: cwh-handoff-task-completed
InstanceOf: CwhHandoffTask
Title: "Handoff completed"
Description: "Step 10: Jordan attended the first session; the handoff is complete, with the session as its resulting activity."
Usage: #example
* status = #completed
* intent = #order
* code = $task-code#fulfill
* priority = #urgent
* focus = Reference(cwh-referral-recovery-coaching)
* for = Reference(cwh-patient-jordan)
* authoredOn = "2026-03-03T01:05:00-08:00"
* lastModified = "2026-03-05T11:00:00-08:00"
* requester = Reference(cwh-organization-harbor-crisis)
* owner = Reference(cwh-organization-northside-rco)
* restriction.period.end = "2026-03-04T01:05:00-08:00"
* identifier[filler].type = $v2-0203#FILL
* identifier[filler].system = "http://northside-recovery.example.org/fhir/sid/intake"
* identifier[filler].value = "NS-7781"
* businessStatus = CwhHandoffStep#first-visit-attended
* output[resultingActivity].type = $sdohcc-temp#resulting-activity
* output[resultingActivity].valueReference = Reference(cwh-counseling-session-first-visit)
