Profile: CwhRecoveryGoal
Parent: Goal
Id: cwh-recovery-goal
Title: "CWH Recovery Goal"
Description: "A goal in a recovery plan, clinical (reduced use, mood, sleep) or about life (work, housing, parenting, education, relationships)."
* ^purpose = "Goals make recovery measurable for the person and for the programs' outcome metrics."
* obeys cwh-goal-1
* lifecycleStatus MS
* category 1..* MS
* category from CwhRecoveryGoalCategoryVS (required)
* insert PatientSubject(subject)
* target 1..* MS
* target ^requirements = "A goal without a due date or a measure cannot be reviewed (cwh-goal-1)."
