CodeSystem: CwhPeerSpecialty
Id: cwh-peer-specialty
Title: "CWH Peer Specialty"
Description: "Specialties of peer specialists."
* ^purpose = "NUCC has one code for peer specialists (175T00000X); programs match people to peers by lived experience."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #recovery-coach "Recovery coach" "A peer specialist for recovery from substance use."
* #pregnant-postpartum "Pregnant and postpartum" "Supports pregnant and postpartum people."
* #reentry "Re-entry after incarceration" "Supports people leaving jail or prison."
* #youth "Youth" "Supports young people."
* #veterans "Veterans" "Supports veterans."
* #family-peer "Family peer" "Supports family members."
