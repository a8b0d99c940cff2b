// What was done with one means, as the safety plan's lethal-means section records it. No CWH profile yet:
// PROFILES.md models it as a plain Observation.
Instance: cwh-lethal-means-medication-transferred
InstanceOf: Observation
Title: "Medication handed to Jordan's sister"
Description: "Step 4: Jordan's extra medication went to Maria to keep."
Usage: #example
* status = #final
* code = CwhLethalMeans#medication
* subject = Reference(cwh-patient-jordan)
* encounter = Reference(cwh-crisis-encounter-mobile-visit)
* effectiveDateTime = "2026-03-03T00:45:00-08:00"
* performer = Reference(cwh-practitioner-alex)
* valueCodeableConcept = CwhLethalMeansAction#transferred
