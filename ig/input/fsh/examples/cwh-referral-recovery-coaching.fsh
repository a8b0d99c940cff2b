Instance: cwh-referral-recovery-coaching
InstanceOf: CwhReferral
Title: "Referral to recovery coaching"
Description: "Step 6: the mobile crisis clinician refers Jordan to a recovery coach at Northside."
Usage: #example
* identifier[placer].type = $v2-0203#PLAC
* identifier[placer].system = "http://harbor-crisis.example.org/fhir/sid/referral"
* identifier[placer].value = "R-2026-0042"
* status = #active
* intent = #order
* category[0] = CwhReferralCategory#crisis-follow-up
* category[+] = CwhReferralCategory#peer-support
* code = $sct#461481000124109
* priority = #urgent
* subject = Reference(cwh-patient-jordan)
* encounter = Reference(cwh-crisis-encounter-mobile-visit)
* authoredOn = "2026-03-03T01:05:00-08:00"
* requester = Reference(cwh-practitioner-alex)
* performer = Reference(cwh-organization-northside-rco)
* reasonReference = Reference(cwh-risk-screening-risk-level-moderate)
* supportingInfo[0] = Reference(cwh-safety-plan-active)
* supportingInfo[+] = Reference(cwh-part2-consent-active)
* supportingInfo[+] = Reference(cwh-risk-screening-phq9-total)
* note.text = "Jordan prefers texts; best reached after 2 pm."
