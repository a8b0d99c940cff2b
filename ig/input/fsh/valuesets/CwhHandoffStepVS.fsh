ValueSet: CwhHandoffStepVS
Id: cwh-handoff-step-vs
Title: "CWH Handoff Step"
Description: "All handoff steps."
* ^experimental = false
* include codes from system CwhHandoffStep
