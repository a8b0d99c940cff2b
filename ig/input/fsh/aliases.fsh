// External code systems, written once. Terminology facts: /work/shared/design/PROFILES.md.
Alias: $sct = http://snomed.info/sct
Alias: $loinc = http://loinc.org
Alias: $rxnorm = http://www.nlm.nih.gov/research/umls/rxnorm
Alias: $hcpcs = http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets
Alias: $nucc = http://nucc.org/provider-taxonomy
Alias: $v2-0203 = http://terminology.hl7.org/CodeSystem/v2-0203
Alias: $v3-ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode
Alias: $v3-ActReason = http://terminology.hl7.org/CodeSystem/v3-ActReason
Alias: $v3-Confidentiality = http://terminology.hl7.org/CodeSystem/v3-Confidentiality
Alias: $v3-ParticipationMode = http://terminology.hl7.org/CodeSystem/v3-ParticipationMode
Alias: $v3-ParticipationType = http://terminology.hl7.org/CodeSystem/v3-ParticipationType
Alias: $observation-category = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $consentscope = http://terminology.hl7.org/CodeSystem/consentscope
Alias: $task-code = http://hl7.org/fhir/CodeSystem/task-code
Alias: $task-status = http://hl7.org/fhir/task-status
Alias: $sdohcc-temp = http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes
Alias: $fhir-types = http://hl7.org/fhir/fhir-types
Alias: $measure-scoring = http://terminology.hl7.org/CodeSystem/measure-scoring
Alias: $measure-type = http://terminology.hl7.org/CodeSystem/measure-type
Alias: $measure-population = http://terminology.hl7.org/CodeSystem/measure-population
Alias: $measure-improvement = http://terminology.hl7.org/CodeSystem/measure-improvement-notation
// R4 subscription topics as HAPI FHIR stores and reads them (Basic + cross-version extensions): the URLs are those
// of hapi-fhir-server SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_*, which SubscriptionTopicCanonicalizer reads;
// HAPI reads the topic's own elements under 5.0 and its triggers, filters and shapes under 4.3.
Alias: $topic-url = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.url
Alias: $topic-version = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.version
Alias: $topic-name = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.name
Alias: $topic-title = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.title
Alias: $topic-description = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.description
Alias: $topic-status = http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.status
Alias: $topic-resource-trigger = http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.resourceTrigger
Alias: $topic-can-filter-by = http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.canFilterBy
Alias: $topic-notification-shape = http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.notificationShape
Alias: $backport-subscription = http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription
Alias: $backport-filter-criteria = http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-filter-criteria
Alias: $backport-payload-content = http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content
Alias: $v3-DataOperation = http://terminology.hl7.org/CodeSystem/v3-DataOperation
Alias: $provenance-participant-type = http://terminology.hl7.org/CodeSystem/provenance-participant-type
