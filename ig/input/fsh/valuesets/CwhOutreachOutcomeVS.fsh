ValueSet: CwhOutreachOutcomeVS
Id: cwh-outreach-outcome-vs
Title: "CWH Outreach Outcome"
Description: "All outreach outcomes."
* ^experimental = false
* include codes from system CwhOutreachOutcome
