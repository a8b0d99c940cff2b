Instance: cwh-time-to-accept
InstanceOf: Measure
Title: "Time from referral to acceptance"
Description: "How long receiving organizations take to accept a warm handoff: hours from the Task's authoredOn to the first version of the Task with status accepted, over the handoffs accepted in the period."
Usage: #definition
* name = "CwhTimeToAccept"
* title = "Time from referral to acceptance"
* status = #active
* experimental = false
* description = "How long receiving organizations take to accept a warm handoff: hours from the Task's authoredOn to the first version of the Task with status accepted, over the handoffs accepted in the period."
* purpose = "Every hour a referral waits unaccepted is an hour nobody has taken responsibility for the person."
* scoring = $measure-scoring#continuous-variable
* type = $measure-type#process
* improvementNotation = $measure-improvement#decrease
* group[0].description = "One member per warm handoff: a Task claiming cwh-handoff-task whose focus is a cwh-referral; its crisis encounter is the cwh-crisis-encounter in ServiceRequest.encounter. Reported in hours: median and distribution, per receiving organization (Task.owner)."
* group[=].population[0].code = $measure-population#initial-population
* group[=].population[=].description = "Handoffs started in the period"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Tasks claiming cwh-handoff-task with authoredOn in the measurement period."
* group[=].population[+].code = $measure-population#measure-population
* group[=].population[=].description = "Handoffs that were accepted"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Initial-population Tasks with a version in their history whose status is accepted."
* group[=].population[+].code = $measure-population#measure-population-exclusion
* group[=].population[=].description = "Handoffs entered in error"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Tasks whose current status is entered-in-error."
* group[=].population[+].code = $measure-population#measure-observation
* group[=].population[=].description = "Hours to accept"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "meta.lastUpdated of the Task's first version with status accepted minus Task.authoredOn, in hours."
