CodeSystem: CwhOutreachMedium
Id: cwh-outreach-medium
Title: "CWH Outreach Medium"
Description: "Outreach media that v3 ParticipationMode lacks."
* ^purpose = "v3 ParticipationMode (R4) has phone, video and face to face, but no text message, the medium most post-crisis outreach uses."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #sms "Text message" "An SMS or other mobile text message."
