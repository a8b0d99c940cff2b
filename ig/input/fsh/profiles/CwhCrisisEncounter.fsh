Profile: CwhCrisisEncounter
Parent: Encounter
Id: cwh-crisis-encounter
Title: "CWH Crisis Encounter"
Description: "A contact with a crisis service: a 988 call, text or chat, a mobile crisis visit, a walk-in, an ED behavioral-health evaluation or a crisis stabilization stay."
* ^purpose = "Records what crisis service a person had, where and how it ended, so the follow-up can be handed off and crisis-system metrics counted."
* extension contains CwhContactChannelExt named contactChannel 0..1 MS and CwhCrisisDispositionExt named disposition 0..1 MS
* class MS
* class from CwhCrisisEncounterClassVS (required)
* type 1..* MS
* type ^slicing.discriminator.type = #value
* type ^slicing.discriminator.path = "$this"
* type ^slicing.rules = #open
* type ^slicing.description = "By the value set each type's code is bound to"
* type contains crisisService 1..1 MS and hcpcs 0..* MS
* type[crisisService] from CwhCrisisServiceVS (required)
* type[hcpcs] from CwhCrisisHcpcsVS (required)
* type[hcpcs] ^short = "The HCPCS code the service is billed with"
* insert PatientSubject(subject)
* period 1..1 MS
* period.start 1..1 MS
* serviceProvider 1..1 MS
