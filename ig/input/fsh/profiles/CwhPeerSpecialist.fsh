Profile: CwhPeerSpecialist
Parent: PractitionerRole
Id: cwh-peer-specialist
Title: "CWH Peer Specialist"
Description: "A peer specialist or recovery coach working for an organization. The state certification is on the Practitioner (qualification with issuer and period)."
* ^purpose = "Handoffs to peer support are matched by specialty (recovery coach, re-entry, youth, veterans …) and need the organization that employs the peer."
* insert SliceByPattern(code, $this)
* code 1..* MS
* code contains peerSpecialist 1..1 MS
* code[peerSpecialist] = $nucc#175T00000X
* specialty 1..* MS
* specialty from CwhPeerSpecialtyVS (required)
* practitioner 1..1 MS
* organization 1..1 MS
