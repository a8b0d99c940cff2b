Instance: cwh-handoff-flag-handoff-overdue
InstanceOf: CwhHandoffFlag
Title: "Handoff overdue (active)"
Description: "The sweeper raised this Flag when Northside had not accepted the urgent handoff by its deadline."
Usage: #example
* status = #active
* code = CwhFlagCode#handoff-overdue
* subject = Reference(cwh-patient-jordan)
* period.start = "2026-03-04T01:06:00-08:00"
* extension[handoff].valueReference = Reference(cwh-handoff-task-requested)
