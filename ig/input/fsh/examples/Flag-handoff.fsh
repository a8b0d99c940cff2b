Instance: Flag-handoff
InstanceOf: SearchParameter
Title: "Flag Handoff"
Description: "The handoff Task a Flag is about (extension cwh-flagged-handoff)."
Usage: #definition
* name = "FlagHandoff"
* status = #active
* experimental = false
* description = "The handoff Task a Flag is about (extension cwh-flagged-handoff)."
* purpose = "Lets the dashboard show the Flags of one handoff."
* code = #handoff
* base = #Flag
* type = #reference
* expression = "Flag.extension.where(url.endsWith('/StructureDefinition/cwh-flagged-handoff')).value"
* xpathUsage = #normal
* target[+] = #Task
