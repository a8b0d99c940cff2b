Instance: cwh-organization-northside-rco
InstanceOf: Organization
Title: "Northside Recovery Community"
Description: "A recovery community organization with recovery coaches; receives the handoff."
Usage: #example
* active = true
* name = "Northside Recovery Community"
* telecom.system = #phone
* telecom.value = "555-0177"
