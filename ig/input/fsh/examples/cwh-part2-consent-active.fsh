Instance: cwh-part2-consent-active
InstanceOf: CwhPart2Consent
Title: "Jordan's Part 2 consent for the recovery coach and the crisis team"
Description: "Step 5: Jordan lets the opioid treatment program disclose his records to Northside and Harbor County for treatment, for one year."
Usage: #example
* status = #active
* scope = $consentscope#patient-privacy
* category[patientConsent] = $loinc#59284-0
* patient = Reference(cwh-patient-jordan)
* dateTime = "2026-03-03T00:50:00-08:00"
* organization = Reference(cwh-organization-riverside-otp)
* policyRule = $v3-ActCode#42CFRPart2
* provision.type = #permit
* provision.period.start = "2026-03-03"
* provision.period.end = "2027-03-03"
* provision.actor[0].role = $v3-ParticipationType#IRCP
* provision.actor[=].reference = Reference(cwh-organization-northside-rco)
* provision.actor[+].role = $v3-ParticipationType#IRCP
* provision.actor[=].reference = Reference(cwh-organization-harbor-crisis)
* provision.purpose = $v3-ActReason#TREAT
