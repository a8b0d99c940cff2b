Instance: cwh-engagement-30-days
InstanceOf: Measure
Title: "Engaged in the receiving service within 30 days"
Description: "Of the warm handoffs started in the period, the share whose person was engaged in the receiving service within 30 days of the crisis encounter: the owner recorded the handoff step engaged, or completed the handoff."
Usage: #definition
* name = "CwhEngagement30Days"
* title = "Engaged in the receiving service within 30 days"
* status = #active
* experimental = false
* description = "Of the warm handoffs started in the period, the share whose person was engaged in the receiving service within 30 days of the crisis encounter: the owner recorded the handoff step engaged, or completed the handoff."
* purpose = "A first visit is not yet engagement; funders ask whether the person stayed with the service."
* scoring = $measure-scoring#proportion
* type = $measure-type#outcome
* improvementNotation = $measure-improvement#increase
* group[0].description = "One member per warm handoff: a Task claiming cwh-handoff-task whose focus is a cwh-referral; its crisis encounter is the cwh-crisis-encounter in ServiceRequest.encounter."
* group[=].population[0].code = $measure-population#initial-population
* group[=].population[=].description = "Handoffs started in the period"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Tasks claiming cwh-handoff-task with authoredOn in the measurement period."
* group[=].population[+].code = $measure-population#denominator
* group[=].population[=].description = "Handoffs the owner could act on"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "The initial population."
* group[=].population[+].code = $measure-population#denominator-exclusion
* group[=].population[=].description = "Handoffs entered in error"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Tasks whose status is entered-in-error."
* group[=].population[+].code = $measure-population#numerator
* group[=].population[=].description = "Engaged within 30 days"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Denominator Tasks with a version in their history, lastUpdated at most 30 days after period.start of the referral's crisis encounter, whose businessStatus is cwh-handoff-step#engaged or whose status is completed."
