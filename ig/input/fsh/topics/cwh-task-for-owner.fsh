Instance: cwh-task-for-owner
InstanceOf: Basic
Title: "Topic: a Task this organization owns was created or changed"
Description: "What a receiving organization subscribes to: a handoff Task it owns arrived or moved. Filter with owner=Organization/<id>."
Usage: #definition
* insert TaskTopic(http://cwh.example.org/fhir/SubscriptionTopic/cwh-task-for-owner, CwhTaskForOwner, A Task this organization owns was created or changed, Notifies the organization that owns a Task - the receiving organization of a warm handoff - when the Task is created or updated: a new referral in its inbox\, or a change by the referrer such as a cancellation., owner, The organization that owns the Task: Task.owner\, e.g. owner=Organization/cwh-organization-northside-rco.)
