CodeSystem: CwhTherapyModality
Id: cwh-therapy-modality
Title: "CWH Therapy Modality"
Description: "Counseling and therapy modalities used after a crisis and in SUD treatment."
* ^purpose = "SNOMED CT codes exist for some modalities (allowed beside these); motivational interviewing, contingency management, TF-CBT, EMDR, CRAFT and lethal-means counseling are coded here."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #motivational-interviewing "Motivational interviewing" "Motivational interviewing."
* #cbt "Cognitive behavioral therapy" "Cognitive behavioral therapy."
* #contingency-management "Contingency management" "Contingency management."
* #tf-cbt "Trauma-focused CBT" "Trauma-focused cognitive behavioral therapy."
* #emdr "EMDR" "Eye movement desensitization and reprocessing."
* #craft-family "CRAFT / family" "Community reinforcement and family training, and other family therapy."
* #group "Group therapy" "Group therapy."
* #lethal-means-counseling "Lethal-means counseling" "Counseling the person and family on limiting access to lethal means during a suicidal crisis."
