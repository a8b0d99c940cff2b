Profile: CwhCounselingSession
Parent: Procedure
Id: cwh-counseling-session
Title: "CWH Counseling Session"
Description: "A counseling or therapy session, coded by modality."
* ^purpose = "The session that fulfils a referral is the handoff Task's resulting activity; modalities feed the engagement metrics."
* status MS
* category 1..1 MS
* category = $sct#409063005
* code 1..1 MS
* code from CwhCounselingCodeVS (required)
* insert PatientSubject(subject)
* performed[x] 1..1 MS
* basedOn MS
* performer MS
