ValueSet: CwhRecoveryGoalCategoryVS
Id: cwh-recovery-goal-category-vs
Title: "CWH Recovery Goal Category"
Description: "All recovery goal categories."
* ^experimental = false
* include codes from system CwhRecoveryGoalCategory
