Instance: cwh-task-for-requester
InstanceOf: Basic
Title: "Topic: a Task this organization requested was created or changed"
Description: "What a referrer subscribes to: a handoff Task it requested was received, accepted, rejected, moved on or completed. Filter with requester=Organization/<id>."
Usage: #definition
* insert TaskTopic(http://cwh.example.org/fhir/SubscriptionTopic/cwh-task-for-requester, CwhTaskForRequester, A Task this organization requested was created or changed, Notifies the organization that requested a Task - the referrer of a warm handoff - when the Task is created or updated: received\, accepted\, rejected\, a step inside in-progress\, completed., requester, The organization that requested the Task: Task.requester\, e.g. requester=Organization/cwh-organization-harbor-crisis.)
