ValueSet: CwhSuicideRiskLevelVS
Id: cwh-suicide-risk-level-vs
Title: "CWH Suicide Risk Level"
Description: "Answers to LOINC 93374-7: the LOINC answers low, moderate and high, and the CWH tiers, which add imminent."
* ^experimental = false
* $loinc#LA9194-7
* $loinc#LA6751-7
* $loinc#LA9193-9
* include codes from system CwhRiskTier
