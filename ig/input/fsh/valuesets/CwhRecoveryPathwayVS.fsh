ValueSet: CwhRecoveryPathwayVS
Id: cwh-recovery-pathway-vs
Title: "CWH Recovery Pathway"
Description: "All recovery pathways."
* ^experimental = false
* include codes from system CwhRecoveryPathway
