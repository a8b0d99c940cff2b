// Inside the referrer's transaction the entries point at each other by their urn:uuid fullUrl, which the server
// rewrites to the ids it assigns; Reference(instance) would give Type/id references the server does not know yet.
Instance: cwh-referral-transaction-risk-level
InstanceOf: CwhRiskScreening
Title: "The risk level, in the referrer's transaction"
Description: "The suicide risk level entry of the referrer's transaction: moderate."
Usage: #inline
* identifier.system = "http://harbor-crisis.example.org/fhir/sid/observation"
* identifier.value = "O-2026-88102-2"
* status = #final
* category[survey] = $observation-category#survey
* code = $loinc#93374-7
* subject.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000001"
* encounter.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000002"
* effectiveDateTime = "2026-03-02T23:50:00-08:00"
* valueCodeableConcept.coding[0] = $loinc#LA6751-7
* valueCodeableConcept.coding[+] = CwhRiskTier#moderate
