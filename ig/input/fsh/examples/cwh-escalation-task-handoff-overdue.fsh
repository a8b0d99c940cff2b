Instance: cwh-escalation-task-handoff-overdue
InstanceOf: Task
Title: "Escalation to the referrer: handoff overdue"
Description: "The server asks Harbor County Crisis to act: Northside did not accept the handoff in time. Owner and requester are the handoff's requester (its own follow-up item); partOf and focus name the handoff, reasonReference the Flag."
Usage: #example
* status = #requested
* intent = #order
* code = CwhTaskCode#escalation
* priority = #urgent
* description = "Handoff overdue: the receiving organization did not accept the handoff in time."
* focus = Reference(cwh-handoff-task-requested)
* partOf = Reference(cwh-handoff-task-requested)
* for = Reference(cwh-patient-jordan)
* authoredOn = "2026-03-04T01:06:00-08:00"
* owner = Reference(cwh-organization-harbor-crisis)
* requester = Reference(cwh-organization-harbor-crisis)
* reasonCode = CwhFlagCode#handoff-overdue
* reasonReference = Reference(cwh-handoff-flag-handoff-overdue)
