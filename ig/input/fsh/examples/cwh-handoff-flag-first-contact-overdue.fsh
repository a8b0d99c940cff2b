Instance: cwh-handoff-flag-first-contact-overdue
InstanceOf: CwhHandoffFlag
Title: "First contact overdue (resolved)"
Description: "The sweeper raised this Flag when nobody had reached Jordan four hours after acceptance; it ended when the text got through."
Usage: #example
* status = #inactive
* code = CwhFlagCode#first-contact-overdue
* subject = Reference(cwh-patient-jordan)
* period.start = "2026-03-03T13:00:00-08:00"
* period.end = "2026-03-03T14:35:00-08:00"
* extension[handoff].valueReference = Reference(cwh-handoff-task-accepted)
