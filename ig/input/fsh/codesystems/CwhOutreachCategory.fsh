CodeSystem: CwhOutreachCategory
Id: cwh-outreach-category
Title: "CWH Outreach Category"
Description: "Kinds of outreach to a person after a crisis."
* ^purpose = "Caring contacts and post-crisis check-ins are evidence-based interventions that metrics count separately; no standard code names them."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #outreach-attempt "Outreach attempt" "An attempt to reach the person about a referral."
* #caring-contact "Caring contact" "A brief message of care with no request."
* #post-crisis-check-in "Post-crisis check-in" "A check-in after a crisis episode."
* #appointment-reminder "Appointment reminder" "A reminder of an upcoming visit."
