ValueSet: CwhReferralCodeVS
Id: cwh-referral-code-vs
Title: "CWH Referral Code"
Description: "What a referral asks for: SNOMED CT referral to peer support, or a CWH service category."
* ^experimental = false
* $sct#461481000124109
* include codes from system CwhServiceCategory
