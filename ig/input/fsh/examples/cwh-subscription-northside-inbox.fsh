Instance: cwh-subscription-northside-inbox
InstanceOf: Subscription
Title: "Subscription: Northside's handoff inbox, id-only rest-hook"
Description: "How a receiving organization asks to be told of every Task it owns (R4 Subscriptions Backport): topic cwh-task-for-owner, filtered to its own organization, notifications to its endpoint carrying only ids, which it then reads with its own credentials."
Usage: #example
* meta.profile = $backport-subscription
* status = #requested
* reason = "Tell Northside Recovery Community Organization at once when a warm handoff it owns arrives or changes."
* criteria = "http://cwh.example.org/fhir/SubscriptionTopic/cwh-task-for-owner"
* criteria.extension[0].url = $backport-filter-criteria
* criteria.extension[=].valueString = "Task?owner=Organization/cwh-organization-northside-rco"
* channel.type = #rest-hook
* channel.endpoint = "https://northside-rco.example.org/fhir/cwh-notifications"
* channel.payload = #application/fhir+json
* channel.payload.extension[0].url = $backport-payload-content
* channel.payload.extension[=].valueCode = #id-only
