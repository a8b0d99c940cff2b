Profile: CwhMoud
Parent: MedicationStatement
Id: cwh-moud
Title: "CWH Medication for Opioid Use Disorder"
Description: "That a person takes or took a medication for opioid use disorder: buprenorphine, methadone or naltrexone, or a product containing one."
* ^purpose = "MOUD is a recovery pathway and Part 2 data; continuity of MOUD across a handoff is what keeps people alive."
* status MS
* medication[x] only CodeableConcept
* medicationCodeableConcept 1..1 MS
* medicationCodeableConcept from CwhMoudVS (extensible)
* medicationCodeableConcept ^requirements = "Extensible, not required: products containing the ingredients are MOUD too, and RxNorm cannot be enumerated offline. Naloxone (overdose reversal) is not MOUD and has its own value set."
* insert PatientSubject(subject)
* effective[x] 1..1 MS
