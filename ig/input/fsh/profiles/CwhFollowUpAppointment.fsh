Profile: CwhFollowUpAppointment
Parent: Appointment
Id: cwh-follow-up-appointment
Title: "CWH Follow-up Appointment"
Description: "The first visit after a handoff, booked against the referral."
* ^purpose = "Whether the first visit happened (status fulfilled or noshow) moves the handoff step and counts toward first visit within 7 and 30 days."
* status MS
* status ^comment = "fulfilled moves the handoff to first-visit-attended, noshow to first-visit-missed."
* basedOn 1..* MS
* basedOn only Reference(CwhReferral)
* start 1..1 MS
* participant 2..* MS
* participant ^requirements = "At least the person and the provider who will see them."
* participant.actor 1..1 MS
