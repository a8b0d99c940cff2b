Instance: cwh-support-service-partnership-drug-free-kids
InstanceOf: CwhSupportService
Title: "Partnership for Drug-Free Kids Helpline"
Description: "Directory seed: Support for parents and caregivers of a child who uses substances."
Usage: #example
* active = true
* name = "Partnership for Drug-Free Kids Helpline"
* category[0] = CwhServiceCategory#helpline
* category[+] = CwhServiceCategory#family-support
* telecom.system = #phone
* telecom.value = "1-855-378-4373"
* extension[acceptsWarmHandoffs].valueBoolean = false
