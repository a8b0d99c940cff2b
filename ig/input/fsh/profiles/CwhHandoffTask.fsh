Profile: CwhHandoffTask
Parent: Task
Id: cwh-handoff-task
Title: "CWH Handoff Task"
Description: "A warm handoff: the request that a receiving organization fulfil a CWH referral, and the record of how far it got. Follows the SDOH Clinical Care Task for referral management, with BSeR's received status."
* ^purpose = "Lets the referrer and the receiving organization track one referral through the CWH Task state table (requested, received, accepted, in progress, completed or rejected, cancelled, failed), with deadlines and the steps of the first contact."
* obeys cwh-task-1
* insert SliceByPattern(identifier, type)
* identifier contains filler 0..1 MS
* identifier[filler] ^short = "The receiving organization's own number for the handoff"
* identifier[filler].type = $v2-0203#FILL
* identifier[filler].system 1..1
* identifier[filler].value 1..1
* status MS
* status from CwhHandoffTaskStatusVS (required)
* status ^comment = "Who may move the Task from one status to the next is the CWH Task state table; the server enforces it."
* statusReason MS
* statusReason ^requirements = "A referrer must learn why a handoff was rejected, cancelled, paused or failed, to find the person another service (cwh-task-1)."
* businessStatus MS
* businessStatus from CwhHandoffStepVS (required)
* businessStatus ^short = "Handoff step: contact attempted, contact made, first visit scheduled, attended, missed, engaged, escalated"
* intent = #order
* code 1..1 MS
* code = $task-code#fulfill
* focus 1..1 MS
* focus only Reference(CwhReferral)
* insert PatientSubject(for)
* authoredOn 1..1 MS
* requester 1..1 MS
* requester only Reference(Organization or PractitionerRole or Practitioner)
* owner 1..1 MS
* owner only Reference(Organization or PractitionerRole)
* owner ^requirements = "Unlike SDOH CC, the owner is required: a warm handoff is always addressed to a receiving organization, whose inbox query is Task?owner=…, and the owner alone may accept."
* restriction.period.end MS
* restriction.period.end ^short = "Deadline to accept the handoff"
* output ^slicing.discriminator.type = #pattern
* output ^slicing.discriminator.path = "type"
* output ^slicing.rules = #open
* output contains resultingActivity 0..* MS
* output[resultingActivity] ^short = "What was done: the Procedure or Encounter that fulfilled the referral"
* output[resultingActivity].type = $sdohcc-temp#resulting-activity
* output[resultingActivity].value[x] only Reference(Procedure or Encounter)
