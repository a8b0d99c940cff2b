CodeSystem: CwhRecoveryPathway
Id: cwh-recovery-pathway
Title: "CWH Recovery Pathway"
Description: "Pathways of recovery from substance use or mental-health conditions a recovery plan can include."
* ^purpose = "Recovery pathways (mutual aid, recovery housing, faith-based recovery) have no standard code."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #clinical-treatment "Clinical treatment" "Outpatient, intensive outpatient or residential treatment."
* #moud "Medication for opioid use disorder" "Buprenorphine, methadone or naltrexone."
* #behavioral-therapy "Behavioral therapy" "Counseling and psychotherapy."
* #holistic "Holistic" "Wellness practices such as exercise, nutrition or mindfulness."
* #peer-support "Peer support" "Support from a peer specialist or recovery coach."
* #mutual-aid "Mutual aid" "Mutual-aid groups."
* #recovery-community-organization "Recovery community organization" "Services of a recovery community organization."
* #recovery-housing "Recovery housing" "A recovery residence."
* #faith-culture-based "Faith- or culture-based" "Recovery through a faith or cultural community."
* #education-based "Education-based" "Collegiate or school-based recovery programs."
* #harm-reduction "Harm reduction" "Reducing harm from continued use."
* #case-management "Case management" "Help with housing, benefits and other needs."
