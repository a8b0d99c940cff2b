Instance: cwh-housing-stability
InstanceOf: Measure
Title: "Housing stability among people with a housing goal"
Description: "Of the people with a housing goal in a recovery plan reviewed in the period, the share whose goal is achieved or being sustained at the end of the period."
Usage: #definition
* name = "CwhHousingStability"
* title = "Housing stability among people with a housing goal"
* status = #active
* experimental = false
* description = "Of the people with a housing goal in a recovery plan reviewed in the period, the share whose goal is achieved or being sustained at the end of the period."
* purpose = "Stable housing is one of the strongest predictors of sustained recovery, and recovery housing is a pathway CWH refers to."
* scoring = $measure-scoring#proportion
* type = $measure-type#outcome
* improvementNotation = $measure-improvement#increase
* group[0].description = "One member per housing goal: a Goal claiming cwh-recovery-goal with category cwh-recovery-goal-category#housing."
* group[=].population[0].code = $measure-population#initial-population
* group[=].population[=].description = "Housing goals reviewed in the period"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Goals claiming cwh-recovery-goal with category cwh-recovery-goal-category#housing and a statusDate in the measurement period."
* group[=].population[+].code = $measure-population#denominator
* group[=].population[=].description = "Housing goals still pursued"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Initial-population Goals whose lifecycleStatus at the end of the period is active, accepted, on-hold or completed."
* group[=].population[+].code = $measure-population#numerator
* group[=].population[=].description = "Stably housed"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Denominator Goals whose achievementStatus at the end of the period is goal-achievement#achieved or #sustaining."
