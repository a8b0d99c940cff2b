Instance: cwh-risk-screening-risk-level-moderate
InstanceOf: CwhRiskScreening
Title: "Suicide risk level: moderate"
Description: "Step 3: the risk level from the C-SSRS (LOINC 93374-7), moderate (LA6751-7), with the CWH tier beside it."
Usage: #example
* status = #final
* category[survey] = $observation-category#survey
* code = $loinc#93374-7
* subject = Reference(cwh-patient-jordan)
* encounter = Reference(cwh-crisis-encounter-mobile-visit)
* effectiveDateTime = "2026-03-02T23:50:00-08:00"
* performer = Reference(cwh-practitioner-alex)
* valueCodeableConcept.coding[0] = $loinc#LA6751-7
* valueCodeableConcept.coding[+] = CwhRiskTier#moderate
* derivedFrom = Reference(cwh-risk-screening-cssrs-screener)
