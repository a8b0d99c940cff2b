Extension: CwhOutreachOutcomeExt
Id: cwh-outreach-outcome
Title: "CWH Outreach Outcome"
Description: "What came of an outreach attempt: reached, no answer, left message, declined or wrong number."
Context: Communication
* ^purpose = "Whether the person was reached moves the handoff step and stops the first-contact deadline."
* value[x] only CodeableConcept
* valueCodeableConcept 1..1
* valueCodeableConcept from CwhOutreachOutcomeVS (required)
