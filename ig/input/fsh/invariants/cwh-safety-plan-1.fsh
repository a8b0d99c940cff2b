Invariant: cwh-safety-plan-1
Description: "A safety plan has warning signs, a crisis or professional contact, and lethal-means safety."
Severity: #error
Expression: "activity.detail.code.coding.where(system.endsWith('/CodeSystem/cwh-safety-plan-section') and code = 'warning-signs').exists() and activity.detail.code.coding.where(system.endsWith('/CodeSystem/cwh-safety-plan-section') and (code = 'crisis-support-contacts' or code = 'professional-support')).exists() and activity.detail.code.coding.where(system.endsWith('/CodeSystem/cwh-safety-plan-section') and code = 'lethal-means-safety').exists()"
