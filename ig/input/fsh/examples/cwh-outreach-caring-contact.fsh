Instance: cwh-outreach-caring-contact
InstanceOf: CwhOutreach
Title: "Caring contact by text"
Description: "A brief message of care the day after acceptance; it counts as the first contact of the handoff it is part of."
Usage: #example
* status = #completed
* category = CwhOutreachCategory#caring-contact
* medium = CwhOutreachMedium#sms
* subject = Reference(cwh-patient-jordan)
* partOf = Reference(cwh-handoff-task-accepted)
* sent = "2026-03-03T12:00:00-08:00"
* sender = Reference(cwh-peer-specialist-sam)
* recipient = Reference(cwh-patient-jordan)
* payload.contentString = "Hi Jordan, Sam from Northside here. Thinking of you today. No need to reply."
* extension[outcome].valueCodeableConcept = CwhOutreachOutcome#reached
