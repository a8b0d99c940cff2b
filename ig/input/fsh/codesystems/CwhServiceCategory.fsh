CodeSystem: CwhServiceCategory
Id: cwh-service-category
Title: "CWH Service Category"
Description: "Kinds of service in the CWH directory and kinds of service a referral asks for."
* ^purpose = "The crisis and recovery services CWH hands people to have no standard code system."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #crisis-line "Crisis line" "A crisis call, text or chat line."
* #mobile-crisis "Mobile crisis" "A mobile crisis team."
* #crisis-stabilization "Crisis stabilization" "A crisis stabilization or receiving center."
* #peer-support "Peer support" "Peer support services."
* #recovery-coaching "Recovery coaching" "Recovery coaching by a peer."
* #mutual-aid-group "Mutual-aid group" "A mutual-aid group."
* #recovery-housing "Recovery housing" "A recovery residence."
* #recovery-community-organization "Recovery community organization" "A recovery community organization."
* #opioid-treatment-program "Opioid treatment program" "An opioid treatment program (methadone, buprenorphine)."
* #outpatient-sud "Outpatient SUD treatment" "Outpatient substance use disorder treatment."
* #outpatient-mental-health "Outpatient mental health" "Outpatient mental-health care."
* #case-management "Case management" "Case management."
* #harm-reduction "Harm reduction" "Harm reduction services."
* #family-support "Family support" "Support for families."
* #helpline "Helpline" "A telephone line for information, support and referral that is not a crisis line."
