Extension: CwhCrisisDispositionExt
Id: cwh-crisis-disposition
Title: "CWH Crisis Disposition"
Description: "How the crisis episode ended: stabilized in the community, referred, admitted, transferred, or declined services."
Context: Encounter
* ^purpose = "Encounter.hospitalization.dischargeDisposition is about inpatient discharge; crisis systems report the outcome of every contact."
* value[x] only CodeableConcept
* valueCodeableConcept 1..1
* valueCodeableConcept from CwhCrisisDispositionVS (required)
