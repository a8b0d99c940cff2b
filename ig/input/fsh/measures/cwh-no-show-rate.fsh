Instance: cwh-no-show-rate
InstanceOf: Measure
Title: "First-visit no-show rate"
Description: "Of the first visits booked after warm handoffs and due in the period, the share the person did not attend."
Usage: #definition
* name = "CwhNoShowRate"
* title = "First-visit no-show rate"
* status = #active
* experimental = false
* description = "Of the first visits booked after warm handoffs and due in the period, the share the person did not attend."
* purpose = "A missed first visit is when a handoff is most often lost; programs compare reminder and outreach practices by it."
* scoring = $measure-scoring#proportion
* type = $measure-type#process
* improvementNotation = $measure-improvement#decrease
* group[0].description = "One member per first visit: an Appointment claiming cwh-follow-up-appointment, basedOn a cwh-referral."
* group[=].population[0].code = $measure-population#initial-population
* group[=].population[=].description = "First visits due in the period"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Appointments claiming cwh-follow-up-appointment with start in the measurement period."
* group[=].population[+].code = $measure-population#denominator
* group[=].population[=].description = "First visits with a known outcome"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Initial-population Appointments whose status is fulfilled or noshow."
* group[=].population[+].code = $measure-population#numerator
* group[=].population[=].description = "First visits missed"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Denominator Appointments whose status is noshow."
