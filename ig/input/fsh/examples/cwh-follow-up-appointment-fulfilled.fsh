Instance: cwh-follow-up-appointment-fulfilled
InstanceOf: CwhFollowUpAppointment
Title: "First visit with the recovery coach: attended"
Description: "Step 10: the first meeting, two days after the crisis; Jordan came (fulfilled)."
Usage: #example
* status = #fulfilled
* basedOn = Reference(cwh-referral-recovery-coaching)
* start = "2026-03-05T10:00:00-08:00"
* end = "2026-03-05T10:50:00-08:00"
* participant[0].actor = Reference(cwh-patient-jordan)
* participant[=].status = #accepted
* participant[+].actor = Reference(cwh-peer-specialist-sam)
* participant[=].status = #accepted
