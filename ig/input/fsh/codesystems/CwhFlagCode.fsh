CodeSystem: CwhFlagCode
Id: cwh-flag-code
Title: "CWH Flag Code"
Description: "Why CWH raised a Flag on a person with an open handoff."
* ^purpose = "The SLA sweeper raises these; no standard code names a missed handoff deadline."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #handoff-overdue "Handoff overdue" "The receiving organization did not accept the handoff in time."
* #first-contact-overdue "First contact overdue" "Nobody reached the person in time after acceptance."
* #first-visit-missed "First visit missed" "The person missed the first visit, or none happened within 7 days."
* #high-risk-open-handoff "High-risk screening with open handoff" "A new high-risk screening arrived while a handoff is open."
