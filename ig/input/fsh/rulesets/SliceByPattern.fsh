// Open slicing of a repeating CodeableConcept or Identifier by the pattern its slices fix (SDOH CC and US Core
// slice category this way).
RuleSet: SliceByPattern(path)
* {path} ^slicing.discriminator.type = #pattern
* {path} ^slicing.discriminator.path = "$this"
* {path} ^slicing.rules = #open
