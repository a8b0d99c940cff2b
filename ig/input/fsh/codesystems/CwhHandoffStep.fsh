CodeSystem: CwhHandoffStep
Id: cwh-handoff-step
Title: "CWH Handoff Step"
Description: "Steps of a warm handoff inside an in-progress Task (Task.businessStatus)."
* ^caseSensitive = true
* ^experimental = false
* #contact-attempted "Contact attempted"
