Instance: cwh-crisis-encounter-988-text
InstanceOf: CwhCrisisEncounter
Title: "Jordan texts 988"
Description: "Step 1: a 988 text conversation; the counselor dispatches the mobile crisis team."
Usage: #example
* identifier.system = "http://harbor-crisis.example.org/fhir/sid/encounter"
* identifier.value = "E-2026-88101"
* status = #finished
* class = $v3-ActCode#VR
* type[crisisService] = CwhCrisisService#988-contact
* type[hcpcs] = $hcpcs#H0030
* subject = Reference(cwh-patient-jordan)
* period.start = "2026-03-02T22:14:00-08:00"
* period.end = "2026-03-02T22:58:00-08:00"
* serviceProvider = Reference(cwh-organization-harbor-crisis)
* extension[contactChannel].valueCoding = CwhContactChannel#text
