ValueSet: CwhRiskScreeningCodeVS
Id: cwh-risk-screening-code-vs
Title: "CWH Risk Screening Code"
Description: "The LOINC screening panels and scores a crisis risk screening records: C-SSRS screener and suicide risk level, PHQ-9, PHQ-2, GAD-7, AUDIT-C and DAST-10."
* ^experimental = false
* $loinc#93373-9
* $loinc#93374-7
* $loinc#44249-1
* $loinc#44261-6
* $loinc#55758-7
* $loinc#70274-6
* $loinc#75626-2
* $loinc#82667-7
