Instance: cwh-support-service-samhsa-helpline
InstanceOf: CwhSupportService
Title: "SAMHSA National Helpline"
Description: "Directory seed: Treatment referral and information for mental and substance use disorders."
Usage: #example
* active = true
* name = "SAMHSA National Helpline"
* category[0] = CwhServiceCategory#helpline
* telecom.system = #phone
* telecom.value = "1-800-662-4357"
* communication[0] = urn:ietf:bcp:47#en
* communication[+] = urn:ietf:bcp:47#es
* extension[acceptsWarmHandoffs].valueBoolean = false
