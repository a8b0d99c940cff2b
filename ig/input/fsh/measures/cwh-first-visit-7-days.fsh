Instance: cwh-first-visit-7-days
InstanceOf: Measure
Title: "First visit within 7 days of the crisis"
Description: "Of the warm handoffs started in the period, the share whose person attended a first visit with the receiving service within 7 days of the crisis encounter."
Usage: #definition
* name = "CwhFirstVisit7Days"
* title = "First visit within 7 days of the crisis"
* status = #active
* experimental = false
* description = "Of the warm handoffs started in the period, the share whose person attended a first visit with the receiving service within 7 days of the crisis encounter."
* purpose = "The week after a crisis carries the highest risk; a first visit inside it is what a warm handoff is for."
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
* group[=].population[=].description = "First visit attended within 7 days"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Denominator Tasks with an Appointment claiming cwh-follow-up-appointment, basedOn the Task's focus referral, status fulfilled, whose start is at most 7 days (168 hours) after period.start of the referral's crisis encounter."
