Instance: cwh-follow-up-appointment-noshow
InstanceOf: CwhFollowUpAppointment
Title: "First visit with the recovery coach: missed"
Description: "A first meeting Jordan did not come to (noshow); the server creates an outreach Task for the peer-support organization."
Usage: #example
* status = #noshow
* basedOn = Reference(cwh-referral-recovery-coaching)
* start = "2026-03-05T10:00:00-08:00"
* end = "2026-03-05T10:50:00-08:00"
* participant[0].actor = Reference(cwh-patient-jordan)
* participant[=].status = #accepted
* participant[+].actor = Reference(cwh-peer-specialist-sam)
* participant[=].status = #accepted
