Invariant: cwh-task-1
Description: "A handoff Task that is rejected, cancelled, on hold or failed says why in statusReason."
Severity: #error
Expression: "(status = 'rejected' or status = 'cancelled' or status = 'on-hold' or status = 'failed') implies statusReason.exists()"
