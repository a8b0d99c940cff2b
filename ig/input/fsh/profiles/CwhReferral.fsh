Profile: CwhReferral
Parent: ServiceRequest
Id: cwh-referral
Title: "CWH Referral"
Description: "A warm-handoff referral from a crisis service to a community provider: what service, for whom, why, how urgent, with the supporting information the receiver needs."
* ^purpose = "The order a handoff Task asks the receiving organization to fulfil; its placer identifier makes the referrer's transaction idempotent."
* insert SliceByPattern(identifier, type)
* identifier 1..* MS
* identifier contains placer 1..1 MS
* identifier[placer] ^short = "The referrer's number for the referral"
* identifier[placer] ^requirements = "The idempotency key: the referrer's transaction creates the referral conditionally on this identifier, so a retry after a timeout never makes a second referral (BSeR uses the same PLAC identifier)."
* identifier[placer].type = $v2-0203#PLAC
* identifier[placer].system 1..1
* identifier[placer].value 1..1
* status MS
* intent = #order
* category 1..* MS
* category from CwhReferralCategoryVS (required)
* code 1..1 MS
* code from CwhReferralCodeVS (extensible)
* priority MS
* insert PatientSubject(subject)
* encounter MS
* encounter only Reference(CwhCrisisEncounter)
* encounter ^comment = "The crisis Encounter the referral comes from. R4 reasonReference cannot point to an Encounter, so the crisis contact goes here."
* authoredOn 1..1 MS
* requester 1..1 MS
* requester only Reference(Organization or PractitionerRole or Practitioner)
* performer 1..* MS
* performer only Reference(Organization or HealthcareService or PractitionerRole)
* performer ^short = "The receiving organization or service"
* reasonReference MS
* reasonReference ^short = "The risk screening or condition behind the referral"
* supportingInfo MS
* supportingInfo ^short = "Safety plan, Part 2 consent, screenings the receiver needs"
