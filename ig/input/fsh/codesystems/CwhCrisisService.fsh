CodeSystem: CwhCrisisService
Id: cwh-crisis-service
Title: "CWH Crisis Service"
Description: "Kinds of crisis service a crisis Encounter records."
* ^purpose = "Crisis-continuum service types (988 contact, mobile crisis, stabilization) have no standard code; HCPCS codes exist for billing only and are allowed beside these."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #988-contact "988 contact" "A call, text or chat with a 988 Suicide & Crisis Lifeline center."
* #mobile-crisis-response "Mobile crisis response" "A mobile crisis team met the person where they are."
* #walk-in-crisis "Walk-in crisis service" "The person walked in to a crisis center."
* #ed-bh-evaluation "ED behavioral-health evaluation" "A behavioral-health evaluation in an emergency department."
* #crisis-stabilization "Crisis stabilization" "Up to 23-hour observation or a crisis stabilization unit stay."
* #crisis-respite "Crisis respite" "A short stay in a crisis respite setting."
* #post-crisis-follow-up "Post-crisis follow-up" "A follow-up contact after a crisis episode."
