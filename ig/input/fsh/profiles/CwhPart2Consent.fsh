Profile: CwhPart2Consent
Parent: Consent
Id: cwh-part2-consent
Title: "CWH Part 2 Consent"
Description: "A person's written consent, under 42 CFR Part 2, for a Part 2 program to disclose their substance-use treatment records to named recipients for a purpose until a date."
* ^purpose = "CWH releases Part 2-labelled data only to the organizations an active consent names, for the purposes it allows, until it expires; revoking it (status inactive) stops the next disclosure."
* status MS
* status ^comment = "Revocation is status inactive."
* scope = $consentscope#patient-privacy
* insert SliceByPattern(category, $this)
* category contains patientConsent 1..1 MS
* category[patientConsent] = $loinc#59284-0
* patient 1..1 MS
* patient only Reference(Patient)
* dateTime 1..1 MS
* organization 1..1 MS
* organization only Reference(Organization)
* organization ^short = "The Part 2 program that discloses"
* policyRule 1..1 MS
* policyRule = $v3-ActCode#42CFRPart2
* policyRule ^short = "42 CFR Part 2, the regulation the consent is given under"
* policyRule ^requirements = "v3-ActCode 42CFRPart2 (the privacy law; also the Part 2 security label) is in the v3-ActCode FHIR R4 and HAPI FHIR ship (version 2018-08-12). The consent-directive code 42CFRPart2CD exists only in later HL7 Terminology releases of v3-ActCode, so an R4 validator without a terminology server rejects it as an unknown code; the IG names the law until the server loads a newer v3-ActCode."
* provision 1..1 MS
* provision.type 1..1 MS
* provision.type = #permit
* provision.period 1..1 MS
* provision.period.end 1..1 MS
* provision.period.end ^requirements = "A Part 2 consent states when it expires (42 CFR 2.31(a)(6)); CWH stops disclosing after that date."
* provision.actor 1..* MS
* provision.actor.reference only Reference(Organization)
* provision.actor ^short = "The recipients the program may disclose to"
* provision.purpose 1..* MS
* provision.purpose ^short = "Purpose of use; TREAT (treatment) unless the person agreed to more"
