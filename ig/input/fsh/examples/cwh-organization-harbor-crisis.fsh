Instance: cwh-organization-harbor-crisis
InstanceOf: Organization
Title: "Harbor County Crisis Services"
Description: "Runs the local 988 center and the mobile crisis team; the referrer."
Usage: #example
* identifier.system = "http://hl7.org/fhir/sid/us-npi"
* identifier.value = "1234567893"
* active = true
* name = "Harbor County Crisis Services"
* telecom.system = #phone
* telecom.value = "555-0100"
