Instance: HealthcareService-language
InstanceOf: SearchParameter
Title: "HealthcareService Language"
Description: "The languages a service is offered in (HealthcareService.communication), as BCP 47 codes: language=urn:ietf:bcp:47|es."
Usage: #definition
* name = "HealthcareServiceLanguage"
* status = #active
* experimental = false
* description = "The languages a service is offered in (HealthcareService.communication), as BCP 47 codes: language=urn:ietf:bcp:47|es."
* purpose = "A referrer needs a service the person can talk to; R4 HealthcareService has no search parameter on communication."
* code = #language
* base = #HealthcareService
* type = #token
* expression = "HealthcareService.communication"
* xpathUsage = #normal
