CodeSystem: CwhRiskTier
Id: cwh-risk-tier
Title: "CWH Risk Tier"
Description: "Suicide risk tier, given beside the LOINC answer to 93374-7."
* ^purpose = "The LOINC answers to 93374-7 stop at high; crisis protocols act differently on imminent risk."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #low "Low" "Low suicide risk."
* #moderate "Moderate" "Moderate suicide risk."
* #high "High" "High suicide risk."
* #imminent "Imminent" "Imminent suicide risk: act now."
