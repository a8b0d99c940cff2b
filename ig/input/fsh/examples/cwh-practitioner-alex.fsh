Instance: cwh-practitioner-alex
InstanceOf: Practitioner
Title: "Alex Chen, mobile crisis clinician"
Description: "The clinician on the mobile crisis team who made the referral."
Usage: #example
* active = true
* name.family = "Chen"
* name.given = "Alex"
