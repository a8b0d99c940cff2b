Extension: CwhFlaggedHandoffExt
Id: cwh-flagged-handoff
Title: "CWH Flagged Handoff"
Description: "The handoff Task a Flag is about."
Context: Flag
* ^purpose = "Flag has no element pointing at a Task; the dashboard and the escalation need to know which handoff is late."
* value[x] only Reference(CwhHandoffTask)
* valueReference 1..1
