Instance: HealthcareService-accepts-warm-handoffs
InstanceOf: SearchParameter
Title: "HealthcareService Accepts Warm Handoffs"
Description: "Whether the service takes warm-handoff referrals (extension cwh-accepts-warm-handoffs)."
Usage: #definition
* name = "HealthcareServiceAcceptsWarmHandoffs"
* status = #active
* experimental = false
* description = "Whether the service takes warm-handoff referrals (extension cwh-accepts-warm-handoffs)."
* purpose = "Lets a referrer search the directory for services that receive handoffs."
* code = #accepts-warm-handoffs
* base = #HealthcareService
* type = #token
* expression = "HealthcareService.extension.where(url.endsWith('/StructureDefinition/cwh-accepts-warm-handoffs')).value"
* xpathUsage = #normal
