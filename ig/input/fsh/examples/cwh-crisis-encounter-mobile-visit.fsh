Instance: cwh-crisis-encounter-mobile-visit
InstanceOf: CwhCrisisEncounter
Title: "Mobile crisis visit at Jordan's home"
Description: "Step 2: the mobile crisis team visits, screens, makes a safety plan and refers Jordan to a recovery coach."
Usage: #example
* identifier.system = "http://harbor-crisis.example.org/fhir/sid/encounter"
* identifier.value = "E-2026-88102"
* status = #finished
* class = $v3-ActCode#HH
* type[crisisService] = CwhCrisisService#mobile-crisis-response
* type[hcpcs] = $hcpcs#H2011
* subject = Reference(cwh-patient-jordan)
* participant.individual = Reference(cwh-practitioner-alex)
* period.start = "2026-03-02T23:30:00-08:00"
* period.end = "2026-03-03T01:10:00-08:00"
* serviceProvider = Reference(cwh-organization-harbor-crisis)
* extension[contactChannel].valueCoding = CwhContactChannel#in-person
* extension[disposition].valueCodeableConcept = CwhCrisisDisposition#referred-peer-support
