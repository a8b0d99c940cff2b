CodeSystem: CwhLethalMeansAction
Id: cwh-lethal-means-action
Title: "CWH Lethal Means Action"
Description: "What was done with a lethal means."
* ^purpose = "The safety plan's follow-up asks whether each means was removed, locked or handed over; no standard code system lists these."
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* #removed "Removed" "Taken out of the home."
* #locked "Locked" "Locked away, key or code held by someone else."
* #transferred "Transferred" "Given to someone else to keep."
* #disposed "Disposed" "Destroyed or returned for disposal."
* #declined "Declined" "The person declined to change access."
