CodeSystem: CwhOutreachOutcome
Id: cwh-outreach-outcome
Title: "CWH Outreach Outcome"
Description: "What came of an outreach attempt."
* ^purpose = "Communication has no element for whether the person was reached, which drives the handoff step and the first-contact deadline."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #reached "Reached" "The person was reached."
* #no-answer "No answer" "Nobody answered."
* #left-message "Left message" "A message was left."
* #declined "Declined" "The person was reached and declined."
* #wrong-number "Wrong number" "The contact details were wrong."
