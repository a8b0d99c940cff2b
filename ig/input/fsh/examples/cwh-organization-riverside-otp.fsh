Instance: cwh-organization-riverside-otp
InstanceOf: Organization
Title: "Riverside Opioid Treatment Program"
Description: "An opioid treatment program, a 42 CFR Part 2 program, where Jordan receives buprenorphine."
Usage: #example
* active = true
* name = "Riverside Opioid Treatment Program"
* telecom.system = #phone
* telecom.value = "555-0160"
