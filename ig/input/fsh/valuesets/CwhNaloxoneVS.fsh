ValueSet: CwhNaloxoneVS
Id: cwh-naloxone-vs
Title: "CWH Overdose Reversal"
Description: "RxNorm ingredient naloxone, for opioid overdose reversal; kept apart from MOUD, which it is not."
* ^experimental = false
* $rxnorm#7242
