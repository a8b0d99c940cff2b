Instance: cwh-outreach-reached
InstanceOf: CwhOutreach
Title: "Outreach by text: reached"
Description: "Step 9: the recovery coach texts in the afternoon, as Jordan prefers; Jordan answers and books a first meeting."
Usage: #example
* status = #completed
* category = CwhOutreachCategory#outreach-attempt
* medium = CwhOutreachMedium#sms
* subject = Reference(cwh-patient-jordan)
* partOf = Reference(cwh-handoff-task-accepted)
* basedOn = Reference(cwh-referral-recovery-coaching)
* sent = "2026-03-03T14:30:00-08:00"
* sender = Reference(cwh-peer-specialist-sam)
* recipient = Reference(cwh-patient-jordan)
* payload.contentString = "Hi Jordan, this is Sam from Northside. Harbor County asked me to reach out. Could we meet Thursday at 10?"
* extension[outcome].valueCodeableConcept = CwhOutreachOutcome#reached
