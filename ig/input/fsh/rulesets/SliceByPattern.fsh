// Open slicing of a repeating element by the pattern its slices fix at {on}: "$this" for a CodeableConcept (SDOH CC
// and US Core slice category this way), "type" for an Identifier.
RuleSet: SliceByPattern(path, on)
* {path} ^slicing.discriminator.type = #pattern
* {path} ^slicing.discriminator.path = "{on}"
* {path} ^slicing.rules = #open
