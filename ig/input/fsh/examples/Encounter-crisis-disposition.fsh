Instance: Encounter-crisis-disposition
InstanceOf: SearchParameter
Title: "Encounter Crisis Disposition"
Description: "How the crisis episode ended (extension cwh-crisis-disposition)."
Usage: #definition
* name = "EncounterCrisisDisposition"
* status = #active
* experimental = false
* description = "How the crisis episode ended (extension cwh-crisis-disposition)."
* purpose = "Crisis-system metrics count contacts by disposition."
* code = #crisis-disposition
* base = #Encounter
* type = #token
* expression = "Encounter.extension.where(url.endsWith('/StructureDefinition/cwh-crisis-disposition')).value"
* xpathUsage = #normal
