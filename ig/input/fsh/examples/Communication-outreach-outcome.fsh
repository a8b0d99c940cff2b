Instance: Communication-outreach-outcome
InstanceOf: SearchParameter
Title: "Communication Outreach Outcome"
Description: "What came of an outreach attempt (extension cwh-outreach-outcome)."
Usage: #definition
* name = "CommunicationOutreachOutcome"
* status = #active
* experimental = false
* description = "What came of an outreach attempt (extension cwh-outreach-outcome)."
* purpose = "Finds the outreach that reached the person, the start of the time-to-first-contact metric."
* code = #outreach-outcome
* base = #Communication
* type = #token
* expression = "Communication.extension.where(url.endsWith('/StructureDefinition/cwh-outreach-outcome')).value"
* xpathUsage = #normal
