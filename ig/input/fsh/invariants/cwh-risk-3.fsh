Invariant: cwh-risk-3
Description: "A C-SSRS screener panel (LOINC 93373-9) lists its item answers in hasMember."
Severity: #error
Expression: "code.coding.where(system = 'http://loinc.org' and code = '93373-9').exists() implies hasMember.exists()"
