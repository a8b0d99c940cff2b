ValueSet: CwhOutreachMediumVS
Id: cwh-outreach-medium-vs
Title: "CWH Outreach Medium"
Description: "How outreach reached the person: phone, text message, video or in person."
* ^experimental = false
* $v3-ParticipationMode#PHONE
* $v3-ParticipationMode#VIDEOCONF
* $v3-ParticipationMode#FACE
* include codes from system CwhOutreachMedium
