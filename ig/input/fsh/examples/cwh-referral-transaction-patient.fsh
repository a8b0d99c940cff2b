Instance: cwh-referral-transaction-patient
InstanceOf: Patient
Title: "Jordan, as the referrer sends him"
Description: "The Patient entry of the referrer's transaction."
Usage: #inline
* identifier.system = "http://harbor-crisis.example.org/fhir/sid/client-id"
* identifier.value = "HC-104233"
* name.family = "Rivera"
* name.given = "Jordan"
* gender = #male
* birthDate = "1994-07-19"
* telecom.system = #phone
* telecom.value = "555-0142"
* telecom.use = #mobile
