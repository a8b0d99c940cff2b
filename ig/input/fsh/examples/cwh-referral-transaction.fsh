Instance: cwh-referral-transaction
InstanceOf: Bundle
Title: "The referrer's transaction: crisis encounter, risk level, safety plan, referral, handoff Task and provenance"
Description: "Step 6 as the mobile crisis team's software posts it: one transaction, every entry a conditional create on its business identifier, so a retry after a timeout changes nothing."
Usage: #example
* type = #transaction
* entry[0].fullUrl = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000001"
* entry[=].resource = cwh-referral-transaction-patient
* entry[=].request.method = #POST
* entry[=].request.url = "Patient"
* entry[=].request.ifNoneExist = "identifier=http://harbor-crisis.example.org/fhir/sid/client-id|HC-104233"
* entry[+].fullUrl = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000002"
* entry[=].resource = cwh-referral-transaction-encounter
* entry[=].request.method = #POST
* entry[=].request.url = "Encounter"
* entry[=].request.ifNoneExist = "identifier=http://harbor-crisis.example.org/fhir/sid/encounter|E-2026-88102"
* entry[+].fullUrl = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000003"
* entry[=].resource = cwh-referral-transaction-risk-level
* entry[=].request.method = #POST
* entry[=].request.url = "Observation"
* entry[=].request.ifNoneExist = "identifier=http://harbor-crisis.example.org/fhir/sid/observation|O-2026-88102-2"
* entry[+].fullUrl = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000006"
* entry[=].resource = cwh-referral-transaction-safety-plan
* entry[=].request.method = #POST
* entry[=].request.url = "CarePlan"
* entry[=].request.ifNoneExist = "identifier=http://harbor-crisis.example.org/fhir/sid/safety-plan|SP-2026-88102"
* entry[+].fullUrl = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000004"
* entry[=].resource = cwh-referral-transaction-referral
* entry[=].request.method = #POST
* entry[=].request.url = "ServiceRequest"
* entry[=].request.ifNoneExist = "identifier=http://harbor-crisis.example.org/fhir/sid/referral|R-2026-0042"
* entry[+].fullUrl = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000005"
* entry[=].resource = cwh-referral-transaction-task
* entry[=].request.method = #POST
* entry[=].request.url = "Task"
* entry[=].request.ifNoneExist = "identifier=http://harbor-crisis.example.org/fhir/sid/handoff|H-2026-0042"
* entry[+].fullUrl = "urn:uuid:7f3c2a10-0d4e-4b8a-9c61-3e5f00000007"
* entry[=].resource = cwh-referral-transaction-provenance
* entry[=].request.method = #POST
* entry[=].request.url = "Provenance"
// Provenance has no identifier of its own: the handoff Task's identifier, through the target, makes a retry find it.
* entry[=].request.ifNoneExist = "target:Task.identifier=http://harbor-crisis.example.org/fhir/sid/handoff|H-2026-0042"
