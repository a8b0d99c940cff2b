ValueSet: CwhCrisisDispositionVS
Id: cwh-crisis-disposition-vs
Title: "CWH Crisis Disposition"
Description: "All crisis dispositions."
* ^experimental = false
* include codes from system CwhCrisisDisposition
