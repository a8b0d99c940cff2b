Instance: cwh-recovery-plan-active
InstanceOf: CwhRecoveryPlan
Title: "Jordan's recovery plan"
Description: "The pathways Jordan chose at the first session: peer support, MOUD and recovery housing."
Usage: #example
* status = #active
* intent = #plan
* category[recoveryPlan] = CwhCarePlanCategory#recovery-plan
* subject = Reference(cwh-patient-jordan)
* created = "2026-03-05T10:45:00-08:00"
* author = Reference(cwh-peer-specialist-sam)
* goal = Reference(cwh-recovery-goal-housing)
* activity[0].detail.code = CwhRecoveryPathway#peer-support
* activity[=].detail.status = #in-progress
* activity[+].detail.code = CwhRecoveryPathway#moud
* activity[=].detail.status = #in-progress
* activity[+].detail.code = CwhRecoveryPathway#recovery-housing
* activity[=].detail.status = #not-started
