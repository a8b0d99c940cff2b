// CWH records are always about one person; a Group or a Device subject would escape the privacy rules.
RuleSet: PatientSubject(path)
* {path} 1..1 MS
* {path} only Reference(Patient)
