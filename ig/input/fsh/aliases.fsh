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
