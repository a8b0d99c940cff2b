Profile: CwhSafetyPlan
Parent: CarePlan
Id: cwh-safety-plan
Title: "CWH Safety Plan"
Description: "A suicide safety plan as a CarePlan: one activity per section, in the person's own words."
* ^purpose = "The safety plan made in the crisis goes with the person to the next provider, who reviews and keeps it current."
* obeys cwh-safety-plan-1
* status MS
* intent = #plan
* insert SliceByPattern(category, $this)
* category 2..* MS
* category contains suicidePrevention 1..1 MS and safetyPlan 1..1 MS
* category[suicidePrevention] = $loinc#87626-8
* category[safetyPlan] = CwhCarePlanCategory#safety-plan
* insert PatientSubject(subject)
* activity 1..* MS
* activity ^requirements = "Warning signs, someone to call in a crisis and lethal-means safety are the sections a safety plan cannot do without (cwh-safety-plan-1)."
* activity.detail 1..1 MS
* activity.detail.code 1..1 MS
* activity.detail.code from CwhSafetyPlanSectionVS (required)
* activity.detail.description 1..1 MS
* activity.detail.description ^short = "The section, in the person's own words"
* activity.detail.performer MS
* activity.detail.performer ^comment = "Supportive contacts: RelatedPerson for family and friends, HealthcareService for crisis lines and services."
* activity.outcomeReference MS
* activity.outcomeReference ^comment = "For lethal-means safety: the counseling Procedure and the Observations of what was done with each means."
