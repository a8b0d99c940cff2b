Instance: cwh-related-person-maria
InstanceOf: RelatedPerson
Title: "Maria Rivera, Jordan's sister"
Description: "A supportive contact in the safety plan."
Usage: #example
* active = true
* patient = Reference(cwh-patient-jordan)
* name.family = "Rivera"
* name.given = "Maria"
* telecom.system = #phone
* telecom.value = "555-0143"
