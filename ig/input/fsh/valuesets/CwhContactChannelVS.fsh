ValueSet: CwhContactChannelVS
Id: cwh-contact-channel-vs
Title: "CWH Contact Channel"
Description: "All contact channels."
* ^experimental = false
* include codes from system CwhContactChannel
