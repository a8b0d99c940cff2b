ValueSet: CwhCrisisHcpcsVS
Id: cwh-crisis-hcpcs-vs
Title: "CWH Crisis HCPCS"
Description: "HCPCS Level II codes billed for crisis services, allowed beside the CWH crisis service code."
* ^experimental = false
* $hcpcs#H2011
* $hcpcs#S9484
* $hcpcs#S9485
* $hcpcs#H0030
