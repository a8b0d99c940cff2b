Instance: cwh-return-to-use
InstanceOf: Measure
Title: "Return to substance use"
Description: "Of the people with a reduced-use goal in a recovery plan reviewed in the period, the share whose goal was recorded as worsening or not achieved in the period."
Usage: #definition
* name = "CwhReturnToUse"
* title = "Return to substance use"
* status = #active
* experimental = false
* description = "Of the people with a reduced-use goal in a recovery plan reviewed in the period, the share whose goal was recorded as worsening or not achieved in the period."
* purpose = "Return to use is expected in recovery and a moment to re-engage, not a failure; counting it shows where support is needed."
* scoring = $measure-scoring#proportion
* type = $measure-type#outcome
* improvementNotation = $measure-improvement#decrease
* group[0].description = "One member per reduced-use goal: a Goal claiming cwh-recovery-goal with category cwh-recovery-goal-category#reduced-use."
* group[=].population[0].code = $measure-population#initial-population
* group[=].population[=].description = "Reduced-use goals reviewed in the period"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Goals claiming cwh-recovery-goal with category cwh-recovery-goal-category#reduced-use and a statusDate in the measurement period."
* group[=].population[+].code = $measure-population#denominator
* group[=].population[=].description = "Reduced-use goals still pursued"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Initial-population Goals whose lifecycleStatus at the start of the period is active or accepted."
* group[=].population[+].code = $measure-population#numerator
* group[=].population[=].description = "A return to use recorded"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Denominator Goals with a version in their history, lastUpdated in the period, whose achievementStatus is goal-achievement#worsening or #not-achieved."
