Extension: CwhContactChannelExt
Id: cwh-contact-channel
Title: "CWH Contact Channel"
Description: "How the person reached the crisis service: call, text, chat or in person."
Context: Encounter
* ^purpose = "Encounter.class says virtual or in person, not whether a 988 contact was a call, a text or a chat."
* value[x] only Coding
* valueCoding 1..1
* valueCoding from CwhContactChannelVS (required)
