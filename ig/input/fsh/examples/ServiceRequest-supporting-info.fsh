Instance: ServiceRequest-supporting-info
InstanceOf: SearchParameter
Title: "ServiceRequest Supporting Info"
Description: "Resources referenced by ServiceRequest.supportingInfo, as the SDOH Clinical Care IG defines it."
Usage: #definition
* name = "ServiceRequestSupportingInfo"
* status = #active
* experimental = false
* description = "Resources referenced by ServiceRequest.supportingInfo, as the SDOH Clinical Care IG defines it."
* purpose = "Lets a receiver fetch a referral with its safety plan, consent and screenings in one search (_include=ServiceRequest:supporting-info)."
* code = #supporting-info
* base = #ServiceRequest
* type = #reference
* expression = "ServiceRequest.supportingInfo"
* xpathUsage = #normal
