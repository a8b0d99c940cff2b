CodeSystem: CwhRecoveryGoalCategory
Id: cwh-recovery-goal-category
Title: "CWH Recovery Goal Category"
Description: "What a recovery goal is about: clinical goals and life goals."
* ^purpose = "Recovery plans set life goals (work, housing, parenting) beside clinical ones; goal-category has neither."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* ^hierarchyMeaning = #is-a
* #clinical "Clinical" "A goal about health."
  * #reduced-use "Reduced use" "Less or no substance use."
  * #mood "Mood" "Better mood."
  * #sleep "Sleep" "Better sleep."
* #life "Life" "A goal about the person's life."
  * #employment "Employment" "Finding or keeping work."
  * #housing "Housing" "Finding or keeping a home."
  * #parenting "Parenting" "Parenting."
  * #education "Education" "School or training."
  * #relationships "Relationships" "Relationships with family and friends."
