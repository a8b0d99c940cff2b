// Inside the referrer's transaction the entries point at each other by their urn:uuid fullUrl, which the server
// rewrites to the ids it assigns; Reference(instance) would give Type/id references the server does not know yet.
Instance: cwh-referral-transaction-encounter
InstanceOf: CwhCrisisEncounter
Title: "The mobile crisis visit, in the referrer's transaction"
Description: "The crisis Encounter entry of the referrer's transaction."
Usage: #inline
* identifier.system = "http://harbor-crisis.example.org/fhir/sid/encounter"
* identifier.value = "E-2026-88102"
* status = #finished
* class = $v3-ActCode#HH
* type[crisisService] = CwhCrisisService#mobile-crisis-response
* subject.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000001"
* period.start = "2026-03-02T23:30:00-08:00"
* period.end = "2026-03-03T01:10:00-08:00"
* serviceProvider = Reference(cwh-organization-harbor-crisis)
* extension[contactChannel].valueCoding = CwhContactChannel#in-person
* extension[disposition].valueCodeableConcept = CwhCrisisDisposition#referred-peer-support
