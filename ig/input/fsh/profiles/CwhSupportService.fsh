Profile: CwhSupportService
Parent: HealthcareService
Id: cwh-support-service
Title: "CWH Support Service"
Description: "A directory entry for a crisis, recovery or support service a person can be handed to."
* ^purpose = "Referrers find where to hand a person: what the service is, how to reach it, when, in which languages, for whom, and whether it takes warm handoffs."
* extension contains CwhAcceptsWarmHandoffsExt named acceptsWarmHandoffs 0..1 MS
* name 1..1 MS
* category 1..* MS
* category from CwhServiceCategoryVS (required)
* telecom 1..* MS
* availableTime MS
* communication MS
* eligibility MS
* providedBy MS
