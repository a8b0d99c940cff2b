Instance: cwh-recovery-goal-housing
InstanceOf: CwhRecoveryGoal
Title: "Goal: a stable place to live"
Description: "A life goal Jordan set with the recovery coach."
Usage: #example
* lifecycleStatus = #active
* category = CwhRecoveryGoalCategory#housing
* description.text = "Move into a recovery residence by the end of April."
* subject = Reference(cwh-patient-jordan)
* target.dueDate = "2026-04-30"
