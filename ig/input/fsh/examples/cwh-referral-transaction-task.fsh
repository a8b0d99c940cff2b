// Inside the referrer's transaction the entries point at each other by their urn:uuid fullUrl, which the server
// rewrites to the ids it assigns; Reference(instance) would give Type/id references the server does not know yet.
Instance: cwh-referral-transaction-task
InstanceOf: CwhHandoffTask
Title: "The handoff Task, in the referrer's transaction"
Description: "The Task entry of the referrer's transaction: requested, owned by Northside, to be accepted within 24 hours."
Usage: #inline
* identifier[0].system = "http://harbor-crisis.example.org/fhir/sid/handoff"
* identifier[0].value = "H-2026-0042"
* status = #requested
* intent = #order
* code = $task-code#fulfill
* priority = #urgent
* focus.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000004"
* for.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000001"
* authoredOn = "2026-03-03T01:05:00-08:00"
* requester = Reference(cwh-organization-harbor-crisis)
* owner = Reference(cwh-organization-northside-rco)
* restriction.period.end = "2026-03-04T01:05:00-08:00"
