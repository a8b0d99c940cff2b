ValueSet: CwhMoudVS
Id: cwh-moud-vs
Title: "CWH Medications for Opioid Use Disorder"
Description: "RxNorm ingredients of the medications for opioid use disorder: buprenorphine, methadone and naltrexone. Products containing them also count (see the MOUD profile)."
* ^experimental = false
* $rxnorm#1819
* $rxnorm#6813
* $rxnorm#7243
