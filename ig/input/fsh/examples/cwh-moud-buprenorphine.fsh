Instance: cwh-moud-buprenorphine
InstanceOf: CwhMoud
Title: "Jordan takes buprenorphine"
Description: "MOUD from the opioid treatment program; Part 2 data, labelled as the server labels it on write."
Usage: #example
* meta.security[0] = $v3-Confidentiality#R
* meta.security[+] = $v3-ActCode#42CFRPart2
* status = #active
* medicationCodeableConcept = $rxnorm#1819
* subject = Reference(cwh-patient-jordan)
* effectivePeriod.start = "2025-11-10"
* informationSource = Reference(cwh-organization-riverside-otp)
