Instance: cwh-risk-screening-cssrs-screener
InstanceOf: CwhRiskScreening
Title: "C-SSRS screener during the mobile visit"
Description: "Step 3: the C-SSRS screener panel (LOINC 93373-9), its items in hasMember."
Usage: #example
* status = #final
* category[survey] = $observation-category#survey
* code = $loinc#93373-9
* subject = Reference(cwh-patient-jordan)
* encounter = Reference(cwh-crisis-encounter-mobile-visit)
* effectiveDateTime = "2026-03-02T23:45:00-08:00"
* performer = Reference(cwh-practitioner-alex)
* hasMember = Reference(cwh-cssrs-item-example)
