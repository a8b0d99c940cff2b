Invariant: cwh-risk-2
Description: "A PHQ-9 total score (LOINC 44261-6) is an integer from 0 to 27."
Severity: #error
Expression: "code.coding.where(system = 'http://loinc.org' and code = '44261-6').exists() implies (value.ofType(integer).exists() and value.ofType(integer) >= 0 and value.ofType(integer) <= 27)"
