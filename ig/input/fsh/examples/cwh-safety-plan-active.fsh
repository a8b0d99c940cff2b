Instance: cwh-safety-plan-active
InstanceOf: CwhSafetyPlan
Title: "Jordan's safety plan"
Description: "Step 4: the safety plan Jordan wrote with the mobile crisis clinician, one activity per section."
Usage: #example
* status = #active
* intent = #plan
* category[suicidePrevention] = $loinc#87626-8
* category[safetyPlan] = CwhCarePlanCategory#safety-plan
* subject = Reference(cwh-patient-jordan)
* encounter = Reference(cwh-crisis-encounter-mobile-visit)
* created = "2026-03-03T00:40:00-08:00"
* author = Reference(cwh-practitioner-alex)
* activity[0].detail.code = CwhSafetyPlanSection#warning-signs
* activity[=].detail.status = #in-progress
* activity[=].detail.description = "Not sleeping, skipping work, thinking nobody would notice if I was gone."
* activity[+].detail.code = CwhSafetyPlanSection#internal-coping
* activity[=].detail.status = #in-progress
* activity[=].detail.description = "Walk the dog along the river, play guitar, a cold shower."
* activity[+].detail.code = CwhSafetyPlanSection#crisis-support-contacts
* activity[=].detail.status = #in-progress
* activity[=].detail.description = "Call my sister Maria."
* activity[=].detail.performer = Reference(cwh-related-person-maria)
* activity[+].detail.code = CwhSafetyPlanSection#professional-support
* activity[=].detail.status = #in-progress
* activity[=].detail.description = "Text or call 988; my recovery coach at Northside."
* activity[=].detail.performer = Reference(cwh-support-service-988)
* activity[+].detail.code = CwhSafetyPlanSection#lethal-means-safety
* activity[=].detail.status = #in-progress
* activity[=].detail.description = "Maria keeps my extra medication at her place."
* activity[=].outcomeReference[0] = Reference(cwh-counseling-session-lethal-means)
* activity[=].outcomeReference[+] = Reference(cwh-lethal-means-medication-transferred)
* activity[+].detail.code = CwhSafetyPlanSection#reasons-for-living
* activity[=].detail.status = #in-progress
* activity[=].detail.description = "My niece, my dog, finishing my welding certificate."
