CodeSystem: CwhHandoffStep
Id: cwh-handoff-step
Title: "CWH Handoff Step"
Description: "Where an accepted warm handoff stands inside Task.status in-progress (Task.businessStatus), set by the owner."
* ^purpose = "Task.status says only that the handoff is in progress; the outcome metrics (time to first contact, first visit within 7 days) need the steps in between, and no standard code system names them."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #contact-attempted "Contact attempted" "The receiving provider tried to reach the person and has not reached them yet."
* #contact-made "Contact made" "The receiving provider has spoken with the person."
* #first-visit-scheduled "First visit scheduled" "A first visit (Appointment) is booked."
* #first-visit-attended "First visit attended" "The person attended the first visit (Appointment fulfilled)."
* #first-visit-missed "First visit missed" "The person did not attend the first visit (Appointment noshow)."
* #engaged "Engaged" "The person is engaged in the service after the first visit."
* #escalated "Escalated" "A deadline passed or a new high-risk screening arrived; the referrer was asked to act."
