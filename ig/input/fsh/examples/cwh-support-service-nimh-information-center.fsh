Instance: cwh-support-service-nimh-information-center
InstanceOf: CwhSupportService
Title: "NIMH Information Resource Center"
Description: "Directory seed: Information about mental illnesses and research from the National Institute of Mental Health."
Usage: #example
* active = true
* name = "NIMH Information Resource Center"
* category[0] = CwhServiceCategory#helpline
* telecom.system = #phone
* telecom.value = "1-866-615-6464"
* extension[acceptsWarmHandoffs].valueBoolean = false
