ValueSet: CwhCrisisServiceVS
Id: cwh-crisis-service-vs
Title: "CWH Crisis Service"
Description: "All crisis service kinds."
* ^experimental = false
* include codes from system CwhCrisisService
