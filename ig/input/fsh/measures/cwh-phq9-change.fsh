Instance: cwh-phq9-change
InstanceOf: Measure
Title: "Change in depression symptoms (PHQ-9) after a crisis"
Description: "For people with a PHQ-9 total score around the crisis and another 30 to 120 days later, the change in score: the later total minus the earlier one. Negative is improvement."
Usage: #definition
* name = "CwhPhq9Change"
* title = "Change in depression symptoms (PHQ-9) after a crisis"
* status = #active
* experimental = false
* description = "For people with a PHQ-9 total score around the crisis and another 30 to 120 days later, the change in score: the later total minus the earlier one. Negative is improvement."
* purpose = "Symptom change shows whether the care after the handoff helped, not only whether it happened."
* scoring = $measure-scoring#continuous-variable
* type = $measure-type#patient-reported-outcome
* improvementNotation = $measure-improvement#decrease
* group[0].description = "One member per crisis encounter (cwh-crisis-encounter) with a baseline and a follow-up PHQ-9 total score; both are Observations claiming cwh-risk-screening with code LOINC 44261-6 and an integer value 0 to 27. Reported as mean and distribution of the change, in points."
* group[=].population[0].code = $measure-population#initial-population
* group[=].population[=].description = "Crisis encounters with a baseline PHQ-9"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Encounters claiming cwh-crisis-encounter with period.start in the measurement period whose subject has a final or amended PHQ-9 total (LOINC 44261-6) effective from 14 days before to 14 days after the encounter's period.start; the baseline is the earliest of them."
* group[=].population[+].code = $measure-population#measure-population
* group[=].population[=].description = "Those with a follow-up PHQ-9"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "Initial-population Encounters whose subject also has a final or amended PHQ-9 total effective 30 to 120 days after the encounter's period.start; the follow-up is the latest of them."
* group[=].population[+].code = $measure-population#measure-observation
* group[=].population[=].description = "Points of change"
* group[=].population[=].criteria.language = #text/plain
* group[=].population[=].criteria.expression = "valueInteger of the follow-up PHQ-9 total minus valueInteger of the baseline."
