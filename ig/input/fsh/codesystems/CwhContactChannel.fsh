CodeSystem: CwhContactChannel
Id: cwh-contact-channel
Title: "CWH Contact Channel"
Description: "How the person reached the crisis service."
* ^purpose = "Encounter.class says virtual or in person, not whether a 988 contact was a call, a text or a chat, which crisis systems report separately."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #call "Call" "A voice call."
* #text "Text" "A text message conversation."
* #chat "Chat" "A web chat."
* #in-person "In person" "Face to face."
