CodeSystem: CwhCrisisDisposition
Id: cwh-crisis-disposition
Title: "CWH Crisis Disposition"
Description: "How a crisis episode ended."
* ^purpose = "Encounter.hospitalization.dischargeDisposition covers inpatient discharges only; crisis systems report whether the person was stabilized in the community, referred or transferred."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #stabilized-in-community "Stabilized in community" "The crisis resolved where the person is."
* #referred-outpatient "Referred to outpatient care" "Referred to outpatient mental-health or SUD care."
* #referred-peer-support "Referred to peer support" "Referred to a peer specialist or recovery coach."
* #admitted "Admitted" "Admitted to inpatient care."
* #transferred-to-ed "Transferred to ED" "Taken to an emergency department."
* #crisis-stabilization-unit "Crisis stabilization unit" "Admitted to a crisis stabilization unit."
* #declined-services "Declined services" "The person declined further services."
