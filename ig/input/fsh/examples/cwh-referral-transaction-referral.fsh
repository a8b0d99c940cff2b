// Inside the referrer's transaction the entries point at each other by their urn:uuid fullUrl, which the server
// rewrites to the ids it assigns; Reference(instance) would give Type/id references the server does not know yet.
Instance: cwh-referral-transaction-referral
InstanceOf: CwhReferral
Title: "The referral, in the referrer's transaction"
Description: "The ServiceRequest entry of the referrer's transaction; its placer identifier is the idempotency key."
Usage: #inline
* identifier[placer].type = $v2-0203#PLAC
* identifier[placer].system = "http://harbor-crisis.example.org/fhir/sid/referral"
* identifier[placer].value = "R-2026-0042"
* status = #active
* intent = #order
* category[0] = CwhReferralCategory#crisis-follow-up
* category[+] = CwhReferralCategory#peer-support
* code = $sct#461481000124109
* priority = #urgent
* subject.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000001"
* encounter.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000002"
* authoredOn = "2026-03-03T01:05:00-08:00"
* requester = Reference(cwh-practitioner-alex)
* performer = Reference(cwh-organization-northside-rco)
* reasonReference.reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000003"
