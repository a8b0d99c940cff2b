Profile: CwhOutreach
Parent: Communication
Id: cwh-outreach
Title: "CWH Outreach"
Description: "An attempt to reach a person after a crisis: outreach about a referral, a caring contact, a check-in or an appointment reminder, with its outcome."
* ^purpose = "Outreach attempts and their outcomes move the handoff step and show whether the first contact happened in time."
* obeys cwh-outreach-1
* extension contains CwhOutreachOutcomeExt named outcome 0..1 MS
* category 1..* MS
* category from CwhOutreachCategoryVS (required)
* medium MS
* medium from CwhOutreachMediumVS (required)
* insert PatientSubject(subject)
* partOf MS
* partOf only Reference(CwhHandoffTask)
* basedOn MS
* basedOn only Reference(CwhReferral)
* sent MS
