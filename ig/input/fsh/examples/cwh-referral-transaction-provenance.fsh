// Inside the referrer's transaction the entries point at each other by their urn:uuid fullUrl, which the server
// rewrites to the ids it assigns; Reference(instance) would give Type/id references the server does not know yet.
Instance: cwh-referral-transaction-provenance
InstanceOf: Provenance
Title: "The provenance of the handoff, in the referrer's transaction"
Description: "Who sent the handoff and on whose behalf: the crisis clinician for Harbor County Mobile Crisis, for every clinical entry of the transaction."
Usage: #inline
* target[0].reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000002"
* target[+].reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000003"
* target[+].reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000006"
* target[+].reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000004"
* target[+].reference = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000005"
* recorded = "2026-03-03T01:05:00-08:00"
* activity = $v3-DataOperation#CREATE
* agent[0].type = $provenance-participant-type#author
* agent[=].who = Reference(cwh-practitioner-alex)
* agent[=].onBehalfOf = Reference(cwh-organization-harbor-crisis)
