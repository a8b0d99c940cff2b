Instance: cwh-outreach-no-answer
InstanceOf: CwhOutreach
Title: "First outreach call: no answer"
Description: "Step 9: the recovery coach calls; nobody answers."
Usage: #example
* status = #completed
* category = CwhOutreachCategory#outreach-attempt
* medium = $v3-ParticipationMode#PHONE
* subject = Reference(cwh-patient-jordan)
* partOf = Reference(cwh-handoff-task-accepted)
* basedOn = Reference(cwh-referral-recovery-coaching)
* sent = "2026-03-03T10:00:00-08:00"
* sender = Reference(cwh-peer-specialist-sam)
* recipient = Reference(cwh-patient-jordan)
* extension[outcome].valueCodeableConcept = CwhOutreachOutcome#no-answer
