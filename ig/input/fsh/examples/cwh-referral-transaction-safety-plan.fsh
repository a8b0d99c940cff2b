// Inside the referrer's transaction the entries point at each other by their urn:uuid fullUrl, which the server
// rewrites to the ids it assigns; Reference(instance) would give Type/id references the server does not know yet.
Instance: cwh-referral-transaction-safety-plan
InstanceOf: CwhSafetyPlan
Title: "The safety plan, in the referrer's transaction"
Description: "The safety plan entry of the referrer's transaction: the three sections a safety plan cannot do without, so the receiving provider starts from it."
Usage: #inline
* identifier.system = "http://harbor-crisis.example.org/fhir/sid/safety-plan"
* identifier.value = "SP-2026-88102"
* status = #active
* intent = #plan
* category[suicidePrevention] = $loinc#87626-8
* category[safetyPlan] = CwhCarePlanCategory#safety-plan
* subject.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000001"
* encounter.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000002"
* created = "2026-03-03T00:40:00-08:00"
* author = Reference(cwh-practitioner-alex)
* activity[0].detail.code = CwhSafetyPlanSection#warning-signs
* activity[=].detail.status = #in-progress
* activity[=].detail.description = "Not sleeping, skipping work, thinking nobody would notice if I was gone."
* activity[+].detail.code = CwhSafetyPlanSection#professional-support
* activity[=].detail.status = #in-progress
* activity[=].detail.description = "Text or call 988; my recovery coach at Northside."
* activity[+].detail.code = CwhSafetyPlanSection#lethal-means-safety
* activity[=].detail.status = #in-progress
* activity[=].detail.description = "My sister keeps my extra medication at her place."
