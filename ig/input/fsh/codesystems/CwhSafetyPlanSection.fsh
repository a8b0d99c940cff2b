CodeSystem: CwhSafetyPlanSection
Id: cwh-safety-plan-section
Title: "CWH Safety Plan Section"
Description: "The sections of a suicide safety plan (Stanley-Brown model), one CarePlan activity each."
* ^purpose = "No standard code system names the safety-plan sections."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #warning-signs "Warning signs" "Thoughts, moods and situations that signal a crisis may be coming."
* #internal-coping "Internal coping strategies" "What the person can do alone to take their mind off problems."
* #social-distraction "People and places for distraction" "People and social settings that help."
* #crisis-support-contacts "People to ask for help" "Family and friends the person can ask for help."
* #professional-support "Professionals and agencies to contact" "Clinicians, crisis lines (988) and urgent care."
* #lethal-means-safety "Making the environment safe" "Steps to limit access to lethal means."
* #reasons-for-living "Reasons for living" "What matters most to the person."
