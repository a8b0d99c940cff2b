Alias: $sct = http://snomed.info/sct
Alias: $loinc = http://loinc.org
