Profile: CwhHandoffFlag
Parent: Flag
Id: cwh-handoff-flag
Title: "CWH Handoff Flag"
Description: "A warning on a person with an open handoff: overdue, no first contact, first visit missed, or a new high-risk screening."
* ^purpose = "Nothing falls through the cracks silently: the SLA sweeper raises this Flag and the dashboard shows it."
* extension contains CwhFlaggedHandoffExt named handoff 1..1 MS
* code MS
* code from CwhFlagCodeVS (required)
* insert PatientSubject(subject)
* period 1..1 MS
* period.start 1..1 MS
