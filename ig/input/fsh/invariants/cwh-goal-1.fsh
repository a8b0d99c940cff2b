Invariant: cwh-goal-1
Description: "A recovery goal has a target with a due date or a measure."
Severity: #error
Expression: "target.where(due.exists() or measure.exists()).exists()"
