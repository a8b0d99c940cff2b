Profile: CwhRiskScreening
Parent: Observation
Id: cwh-risk-screening
Title: "CWH Risk Screening"
Description: "A suicide-risk, depression, anxiety or substance-use screening result: C-SSRS screener and risk level, PHQ-9, PHQ-2, GAD-7, AUDIT-C or DAST-10."
* ^purpose = "Risk screenings travel with the referral and drive escalation: a new high-risk result while a handoff is open raises a Flag."
* obeys cwh-risk-1 and cwh-risk-2 and cwh-risk-3
* insert SliceByPattern(category, $this)
* category 1..* MS
* category contains survey 1..1 MS
* category[survey] = $observation-category#survey
* code MS
* code from CwhRiskScreeningCodeVS (required)
* insert PatientSubject(subject)
* effective[x] 1..1 MS
* value[x] MS
* value[x] ^comment = "Risk level (93374-7): a CodeableConcept with the LOINC answer and optionally the CWH tier (cwh-risk-1). PHQ-9 total (44261-6): an integer 0–27 (cwh-risk-2). Panels (93373-9, 44249-1) carry no value and list their items in hasMember (cwh-risk-3)."
* valueCodeableConcept from CwhSuicideRiskLevelVS (extensible)
* hasMember MS
