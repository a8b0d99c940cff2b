Instance: cwh-support-service-nami-helpline
InstanceOf: CwhSupportService
Title: "NAMI HelpLine"
Description: "Directory seed: Information, resource referral and support for people with mental health conditions and their families."
Usage: #example
* active = true
* name = "NAMI HelpLine"
* category[0] = CwhServiceCategory#helpline
* category[+] = CwhServiceCategory#family-support
* telecom.system = #phone
* telecom.value = "1-800-950-6264"
* extension[acceptsWarmHandoffs].valueBoolean = false
