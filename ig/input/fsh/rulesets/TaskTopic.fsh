// An R4 subscription topic (Subscriptions R5 Backport IG, as HAPI FHIR's R4SubscriptionTopicLoader reads it) on Task
// create and update, filtered by one Task search parameter. The notification carries the Task and, with
// _include=Task:focus, the referral it fulfils. {url} is the canonical base of sushi-config.yaml +
// /SubscriptionTopic/ + the Basic's id (ProfilePackageTest checks that).
RuleSet: TaskTopic(url, name, title, description, filterParameter, filterDescription)
* code = $fhir-types#SubscriptionTopic
* modifierExtension[0].url = $topic-status
* modifierExtension[=].valueCode = #active
* extension[0].url = $topic-url
* extension[=].valueUri = "{url}"
* extension[+].url = $topic-version
* extension[=].valueString = "0.1.0"
* extension[+].url = $topic-name
* extension[=].valueString = "{name}"
* extension[+].url = $topic-title
* extension[=].valueString = "{title}"
* extension[+].url = $topic-description
* extension[=].valueMarkdown = "{description}"
* extension[+].url = $topic-resource-trigger
* extension[=].extension[0].url = "description"
* extension[=].extension[=].valueMarkdown = "A Task is created or updated (any change: status, businessStatus, owner, output)."
* extension[=].extension[+].url = "resource"
* extension[=].extension[=].valueUri = "Task"
* extension[=].extension[+].url = "supportedInteraction"
* extension[=].extension[=].valueCode = #create
* extension[=].extension[+].url = "supportedInteraction"
* extension[=].extension[=].valueCode = #update
* extension[+].url = $topic-can-filter-by
* extension[=].extension[0].url = "description"
* extension[=].extension[=].valueMarkdown = "{filterDescription}"
* extension[=].extension[+].url = "resource"
* extension[=].extension[=].valueUri = "Task"
* extension[=].extension[+].url = "filterParameter"
* extension[=].extension[=].valueString = "{filterParameter}"
* extension[+].url = $topic-notification-shape
* extension[=].extension[0].url = "resource"
* extension[=].extension[=].valueUri = "Task"
* extension[=].extension[+].url = "include"
* extension[=].extension[=].valueString = "Task:focus"
