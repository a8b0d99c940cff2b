ValueSet: CwhPeerSpecialtyVS
Id: cwh-peer-specialty-vs
Title: "CWH Peer Specialty"
Description: "All peer specialties."
* ^experimental = false
* include codes from system CwhPeerSpecialty
