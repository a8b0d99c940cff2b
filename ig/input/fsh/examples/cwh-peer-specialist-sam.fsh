Instance: cwh-peer-specialist-sam
InstanceOf: CwhPeerSpecialist
Title: "Sam Okafor as recovery coach at Northside"
Description: "A peer specialist (NUCC 175T00000X) with the recovery-coach specialty."
Usage: #example
* active = true
* practitioner = Reference(cwh-practitioner-sam)
* organization = Reference(cwh-organization-northside-rco)
* code[peerSpecialist] = $nucc#175T00000X
* specialty = CwhPeerSpecialty#recovery-coach
* telecom.system = #phone
* telecom.value = "555-0178"
