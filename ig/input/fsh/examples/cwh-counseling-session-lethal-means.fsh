Instance: cwh-counseling-session-lethal-means
InstanceOf: CwhCounselingSession
Title: "Lethal-means counseling during the mobile visit"
Description: "Step 4: the clinician counsels Jordan and his sister on keeping extra medication out of reach."
Usage: #example
* status = #completed
* category = $sct#409063005
* code = CwhTherapyModality#lethal-means-counseling
* subject = Reference(cwh-patient-jordan)
* encounter = Reference(cwh-crisis-encounter-mobile-visit)
* performedPeriod.start = "2026-03-03T00:30:00-08:00"
* performedPeriod.end = "2026-03-03T00:40:00-08:00"
* performer.actor = Reference(cwh-practitioner-alex)
