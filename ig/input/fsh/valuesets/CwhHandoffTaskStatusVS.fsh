ValueSet: CwhHandoffTaskStatusVS
Id: cwh-handoff-task-status-vs
Title: "CWH Handoff Task Status"
Description: "The Task statuses a warm handoff uses: the SDOH Clinical Care referral statuses plus BSeR's received."
* ^experimental = false
* ^purpose = "SDOH CC's referral Task statuses leave out ready and received; CWH adds received back so a person can be told that someone has seen the referral, and leaves out draft: a handoff is posted ready to act on."
* $task-status#requested
* $task-status#received
* $task-status#accepted
* $task-status#rejected
* $task-status#cancelled
* $task-status#in-progress
* $task-status#on-hold
* $task-status#failed
* $task-status#completed
* $task-status#entered-in-error
