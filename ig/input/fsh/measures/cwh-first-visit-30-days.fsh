Instance: cwh-first-visit-30-days
InstanceOf: Measure
Title: "First visit within 30 days of the crisis"
Description: "Of the warm handoffs started in the period, the share whose person attended a first visit with the receiving service within 30 days of the crisis encounter."
Usage: #definition
* name = "CwhFirstVisit30Days"
* title = "First visit within 30 days of the crisis"
* status = #active
* experimental = false
* description = "Of the warm handoffs started in the period, the share whose person attended a first visit with the receiving service within 30 days of the crisis encounter."
* purpose = "The 30-day rate is the HEDIS-style companion of the 7-day rate: late first visits still count for continuity of care."
* scoring = $measure-scoring#proportion
* type = $measure-type#process
* improvementNotation = $measure-improvement#increase
* group[0].description = "One member per warm handoff: a Task claiming cwh-handoff-task whose focus is a cwh-referral; its crisis encounter is the cwh-crisis-encounter in ServiceRequest.encounter."
* group[=].population[0].code = $measure-population#initial-population
* group[=].population[=].description = "Handoffs started in the period"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Tasks claiming cwh-handoff-task with authoredOn in the measurement period."
* group[=].population[+].code = $measure-population#denominator
* group[=].population[=].description = "Handoffs that could lead to a visit"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "The initial population."
* group[=].population[+].code = $measure-population#denominator-exclusion
* group[=].population[=].description = "Handoffs entered in error"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Tasks whose status is entered-in-error."
* group[=].population[+].code = $measure-population#numerator
* group[=].population[=].description = "First visit attended within 30 days"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Denominator Tasks with an Appointment claiming cwh-follow-up-appointment, basedOn the Task's focus referral, status fulfilled, whose start is at most 30 days (720 hours) after period.start of the referral's crisis encounter."
