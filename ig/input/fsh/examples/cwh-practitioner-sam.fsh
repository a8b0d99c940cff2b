Instance: cwh-practitioner-sam
InstanceOf: Practitioner
Title: "Sam Okafor, recovery coach"
Description: "A state-certified peer recovery specialist; the certification is a qualification with issuer and period."
Usage: #example
* active = true
* name.family = "Okafor"
* name.given = "Sam"
* qualification.identifier.system = "http://certification.example.org/peer-recovery-specialist"
* qualification.identifier.value = "PRS-22871"
* qualification.code.text = "Certified Peer Recovery Specialist"
* qualification.period.start = "2024-05-01"
* qualification.period.end = "2026-04-30"
* qualification.issuer.display = "State Peer Certification Board"
