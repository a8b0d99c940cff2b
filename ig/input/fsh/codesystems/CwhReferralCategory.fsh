CodeSystem: CwhReferralCategory
Id: cwh-referral-category
Title: "CWH Referral Category"
Description: "Broad reasons for a warm-handoff referral, beside the SDOH Clinical Care categories."
* ^purpose = "Inbox filters and metrics group referrals by need; SDOH CC covers social needs, these cover behavioral-health needs."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #crisis-follow-up "Crisis follow-up" "Follow-up after a crisis episode."
* #mental-health "Mental health" "Mental-health care."
* #substance-use "Substance use" "Substance use disorder treatment or recovery support."
* #peer-support "Peer support" "Peer or recovery-coach support."
