Instance: cwh-support-service-988
InstanceOf: CwhSupportService
Title: "988 Suicide & Crisis Lifeline"
Description: "Directory seed: the national suicide and crisis line, by call, text or chat, at any hour."
Usage: #example
* active = true
* name = "988 Suicide & Crisis Lifeline"
* category = CwhServiceCategory#crisis-line
* telecom[0].system = #phone
* telecom[=].value = "988"
* telecom[+].system = #sms
* telecom[=].value = "988"
* telecom[+].system = #url
* telecom[=].value = "https://988lifeline.org"
* availableTime.allDay = true
* availableTime.daysOfWeek[0] = #mon
* availableTime.daysOfWeek[+] = #tue
* availableTime.daysOfWeek[+] = #wed
* availableTime.daysOfWeek[+] = #thu
* availableTime.daysOfWeek[+] = #fri
* availableTime.daysOfWeek[+] = #sat
* availableTime.daysOfWeek[+] = #sun
* communication[0] = urn:ietf:bcp:47#en
* communication[+] = urn:ietf:bcp:47#es
* eligibility.comment = "Anyone in suicidal crisis or emotional distress, or worried about someone else."
* extension[acceptsWarmHandoffs].valueBoolean = false
