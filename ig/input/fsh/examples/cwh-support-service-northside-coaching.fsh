Instance: cwh-support-service-northside-coaching
InstanceOf: CwhSupportService
Title: "Northside recovery coaching"
Description: "Directory entry of the service the handoff goes to."
Usage: #example
* active = true
* providedBy = Reference(cwh-organization-northside-rco)
* name = "Northside recovery coaching"
* category[0] = CwhServiceCategory#recovery-coaching
* category[+] = CwhServiceCategory#peer-support
* specialty = CwhPeerSpecialty#recovery-coach
* telecom.system = #phone
* telecom.value = "555-0177"
* availableTime.daysOfWeek[0] = #mon
* availableTime.daysOfWeek[+] = #tue
* availableTime.daysOfWeek[+] = #wed
* availableTime.daysOfWeek[+] = #thu
* availableTime.daysOfWeek[+] = #fri
* availableTime.availableStartTime = "09:00:00"
* availableTime.availableEndTime = "19:00:00"
* communication = urn:ietf:bcp:47#en
* eligibility.comment = "Adults in or seeking recovery from substance use."
* extension[acceptsWarmHandoffs].valueBoolean = true
