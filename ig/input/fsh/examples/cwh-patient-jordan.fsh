// The person in every CWH example: a 988 text, a mobile crisis visit, a safety plan, then a warm handoff to a
// recovery coach.
Instance: cwh-patient-jordan
InstanceOf: Patient
Title: "Jordan Rivera"
Description: "The person whose crisis and warm handoff the examples follow."
Usage: #example
* identifier.system = "http://harbor-crisis.example.org/fhir/sid/client-id"
* identifier.value = "HC-104233"
* name.family = "Rivera"
* name.given = "Jordan"
* gender = #male
* birthDate = "1994-07-19"
* telecom.system = #phone
* telecom.value = "555-0142"
* telecom.use = #mobile
* address.city = "Harbor City"
* address.state = "OR"
