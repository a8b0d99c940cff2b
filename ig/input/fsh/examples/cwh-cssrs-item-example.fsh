// A C-SSRS screener item, referenced from the panel's hasMember. Items are plain Observations: CWH profiles the
// panel and the scores, not each question.
Instance: cwh-cssrs-item-example
InstanceOf: Observation
Title: "C-SSRS screener item answered yes"
Description: "One item of the C-SSRS screener (LOINC 93246-7), answered yes (LA33-6)."
Usage: #example
* status = #final
* category = $observation-category#survey
* code = $loinc#93246-7
* subject = Reference(cwh-patient-jordan)
* effectiveDateTime = "2026-03-02T23:45:00-08:00"
* valueCodeableConcept = $loinc#LA33-6 "Yes"
