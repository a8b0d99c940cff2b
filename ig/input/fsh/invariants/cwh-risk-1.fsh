Invariant: cwh-risk-1
Description: "A suicide risk level (LOINC 93374-7) is a CodeableConcept with the LOINC answer low (LA9194-7), moderate (LA6751-7) or high (LA9193-9)."
Severity: #error
Expression: "code.coding.where(system = 'http://loinc.org' and code = '93374-7').exists() implies value.ofType(CodeableConcept).coding.where(system = 'http://loinc.org' and (code = 'LA9194-7' or code = 'LA6751-7' or code = 'LA9193-9')).exists()"
