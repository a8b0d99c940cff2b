Extension: CwhAcceptsWarmHandoffsExt
Id: cwh-accepts-warm-handoffs
Title: "CWH Accepts Warm Handoffs"
Description: "Whether the service takes warm-handoff referrals through CWH."
Context: HealthcareService
* ^purpose = "Referrers pick from the directory only services that will receive and act on a handoff Task."
* value[x] only boolean
* valueBoolean 1..1
