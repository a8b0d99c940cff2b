Instance: cwh-organization-bayview-counseling
InstanceOf: Organization
Title: "Bayview Counseling Center"
Description: "An outpatient mental-health clinic; it declines a handoff it cannot take in time."
Usage: #example
* active = true
* name = "Bayview Counseling Center"
* telecom.system = #phone
* telecom.value = "555-0190"
