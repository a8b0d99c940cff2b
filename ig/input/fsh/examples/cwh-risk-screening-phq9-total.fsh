Instance: cwh-risk-screening-phq9-total
InstanceOf: CwhRiskScreening
Title: "PHQ-9 total score 14"
Description: "Step 3: a PHQ-9 total score (LOINC 44261-6) of 14."
Usage: #example
* status = #final
* category[survey] = $observation-category#survey
* code = $loinc#44261-6
* subject = Reference(cwh-patient-jordan)
* encounter = Reference(cwh-crisis-encounter-mobile-visit)
* effectiveDateTime = "2026-03-03T00:05:00-08:00"
* performer = Reference(cwh-practitioner-alex)
* valueInteger = 14
