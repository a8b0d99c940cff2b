ValueSet: CwhSafetyPlanSectionVS
Id: cwh-safety-plan-section-vs
Title: "CWH Safety Plan Section"
Description: "All safety plan sections."
* ^experimental = false
* include codes from system CwhSafetyPlanSection
