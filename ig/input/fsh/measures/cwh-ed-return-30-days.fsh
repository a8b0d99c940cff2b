Instance: cwh-ed-return-30-days
InstanceOf: Measure
Title: "Emergency department return within 30 days of a crisis"
Description: "Of the crisis encounters that ended in the period, the share whose person came to an emergency department within 30 days after the crisis encounter ended."
Usage: #definition
* name = "CwhEdReturn30Days"
* title = "Emergency department return within 30 days of a crisis"
* status = #active
* experimental = false
* description = "Of the crisis encounters that ended in the period, the share whose person came to an emergency department within 30 days after the crisis encounter ended."
* purpose = "Crisis systems exist in part to keep people out of emergency departments; a return soon after a crisis means the follow-up did not hold."
* scoring = $measure-scoring#proportion
* type = $measure-type#outcome
* improvementNotation = $measure-improvement#decrease
* group[0].description = "One member per crisis encounter: an Encounter claiming cwh-crisis-encounter."
* group[=].population[0].code = $measure-population#initial-population
* group[=].population[=].description = "Crisis encounters that ended in the period"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Encounters claiming cwh-crisis-encounter whose status is finished and period.end is in the measurement period."
* group[=].population[+].code = $measure-population#denominator
* group[=].population[=].description = "Crisis encounters the person left from"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "The initial population."
* group[=].population[+].code = $measure-population#denominator-exclusion
* group[=].population[=].description = "Crises that went to the ED or a hospital"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Encounters whose crisis disposition extension is cwh-crisis-disposition#transferred-to-ed or #admitted: the ED visit or stay that follows is part of the same crisis."
* group[=].population[+].code = $measure-population#numerator
* group[=].population[=].description = "An ED visit within 30 days"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Denominator Encounters whose subject has another Encounter with class v3-ActCode#EMER and period.start after the crisis encounter's period.end and at most 30 days (720 hours) after it."
