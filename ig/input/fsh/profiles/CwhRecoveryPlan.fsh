Profile: CwhRecoveryPlan
Parent: CarePlan
Id: cwh-recovery-plan
Title: "CWH Recovery Plan"
Description: "A person-directed recovery plan: the recovery pathways the person takes and the goals they set."
* ^purpose = "Peer specialists and providers share one plan of the pathways (MOUD, peer support, mutual aid, housing …) and goals the person chose."
* status MS
* intent MS
* insert SliceByPattern(category, $this)
* category 1..* MS
* category contains recoveryPlan 1..1 MS
* category[recoveryPlan] = CwhCarePlanCategory#recovery-plan
* insert PatientSubject(subject)
* goal MS
* goal only Reference(CwhRecoveryGoal)
* activity MS
* activity.detail.code 1..1 MS
* activity.detail.code from CwhRecoveryPathwayVS (required)
