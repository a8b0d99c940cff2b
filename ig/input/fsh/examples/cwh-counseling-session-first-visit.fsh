Instance: cwh-counseling-session-first-visit
InstanceOf: CwhCounselingSession
Title: "First session: motivational interviewing"
Description: "Step 10: the first session with the recovery coach, the handoff's resulting activity."
Usage: #example
* status = #completed
* category = $sct#409063005
* code = CwhTherapyModality#motivational-interviewing
* subject = Reference(cwh-patient-jordan)
* basedOn = Reference(cwh-referral-recovery-coaching)
* performedPeriod.start = "2026-03-05T10:00:00-08:00"
* performedPeriod.end = "2026-03-05T10:50:00-08:00"
* performer.actor = Reference(cwh-peer-specialist-sam)
