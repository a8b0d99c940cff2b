Instance: cwh-outreach-task-first-visit-missed
InstanceOf: Task
Title: "Outreach after a missed first visit"
Description: "Jordan did not come to the first visit (Appointment noshow); the server asks Northside, the peer-support organization the referral names, to reach out. partOf names the handoff, focus the missed Appointment."
Usage: #example
* status = #requested
* intent = #order
* code = CwhTaskCode#outreach
* priority = #urgent
* description = "First visit missed: reach out to the person."
* focus = Reference(cwh-follow-up-appointment-noshow)
* partOf = Reference(cwh-handoff-task-accepted)
* for = Reference(cwh-patient-jordan)
* authoredOn = "2026-03-05T11:00:00-08:00"
* owner = Reference(cwh-organization-northside-rco)
* requester = Reference(cwh-organization-harbor-crisis)
* reasonCode = CwhFlagCode#first-visit-missed
