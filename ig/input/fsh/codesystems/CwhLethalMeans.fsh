CodeSystem: CwhLethalMeans
Id: cwh-lethal-means
Title: "CWH Lethal Means"
Description: "Means a safety plan limits access to; an Observation with one of these codes records what was done with it."
* ^purpose = "Lethal-means safety is recorded per means, and no standard code system lists them."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #firearm "Firearm" "Firearms and ammunition."
* #medication "Medication" "Prescription and over-the-counter medication."
* #sharps "Sharps" "Knives, razors and other sharp objects."
* #ligature "Ligature" "Cords, belts and other ligatures."
* #poison "Poison" "Household chemicals and other poisons."
* #other "Other" "Any other means."
