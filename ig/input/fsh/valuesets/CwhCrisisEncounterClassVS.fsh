ValueSet: CwhCrisisEncounterClassVS
Id: cwh-crisis-encounter-class-vs
Title: "CWH Crisis Encounter Class"
Description: "Where a crisis service happens: virtual (988 call, text, chat, telehealth), at home, in the field, in the ED, short stay or observation, or ambulatory."
* ^experimental = false
* $v3-ActCode#VR
* $v3-ActCode#HH
* $v3-ActCode#FLD
* $v3-ActCode#EMER
* $v3-ActCode#SS
* $v3-ActCode#OBSENC
* $v3-ActCode#AMB
