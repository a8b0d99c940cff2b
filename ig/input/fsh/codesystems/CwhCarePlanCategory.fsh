CodeSystem: CwhCarePlanCategory
Id: cwh-care-plan-category
Title: "CWH Care Plan Category"
Description: "Kinds of CarePlan CWH defines."
* ^purpose = "Safety plans and recovery plans need a category that servers and clients can search on."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #safety-plan "Safety plan" "A suicide safety plan."
* #recovery-plan "Recovery plan" "A person-directed recovery plan."
