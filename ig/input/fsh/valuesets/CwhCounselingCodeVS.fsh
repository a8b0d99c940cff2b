ValueSet: CwhCounselingCodeVS
Id: cwh-counseling-code-vs
Title: "CWH Counseling Code"
Description: "What a counseling session was: a CWH therapy modality, or SNOMED CT cognitive behavioral therapy, group psychotherapy or counseling for substance abuse."
* ^experimental = false
* include codes from system CwhTherapyModality
* $sct#228557008
* $sct#76168009
* $sct#313071005
