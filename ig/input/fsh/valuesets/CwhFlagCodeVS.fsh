ValueSet: CwhFlagCodeVS
Id: cwh-flag-code-vs
Title: "CWH Flag Code"
Description: "All CWH flag codes."
* ^experimental = false
* include codes from system CwhFlagCode
