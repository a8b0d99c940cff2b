Instance: cwh-referral-outpatient-therapy
InstanceOf: CwhReferral
Title: "Referral to outpatient therapy"
Description: "A second referral from the mobile visit, to outpatient mental-health care at Bayview."
Usage: #example
* identifier[placer].type = $v2-0203#PLAC
* identifier[placer].system = "http://harbor-crisis.example.org/fhir/sid/referral"
* identifier[placer].value = "R-2026-0043"
* status = #active
* intent = #order
* category = CwhReferralCategory#mental-health
* code = CwhServiceCategory#outpatient-mental-health
* priority = #routine
* subject = Reference(cwh-patient-jordan)
* encounter = Reference(cwh-crisis-encounter-mobile-visit)
* authoredOn = "2026-03-03T01:07:00-08:00"
* requester = Reference(cwh-practitioner-alex)
* performer = Reference(cwh-organization-bayview-counseling)
* reasonReference = Reference(cwh-risk-screening-phq9-total)
* supportingInfo[0] = Reference(cwh-safety-plan-active)
* supportingInfo[+] = Reference(cwh-risk-screening-phq9-total)
