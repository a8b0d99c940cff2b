Instance: cwh-support-service-national-drug-helpline
InstanceOf: CwhSupportService
Title: "National Drug Helpline"
Description: "Directory seed: Information and support about substance use and treatment."
Usage: #example
* active = true
* name = "National Drug Helpline"
* category[0] = CwhServiceCategory#helpline
* telecom.system = #phone
* telecom.value = "1-844-289-0879"
* extension[acceptsWarmHandoffs].valueBoolean = false
