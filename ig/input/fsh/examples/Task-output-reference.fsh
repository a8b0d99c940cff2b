Instance: Task-output-reference
InstanceOf: SearchParameter
Title: "Task Output Reference"
Description: "Resources referenced by Task.output values of type Reference, as the SDOH Clinical Care IG defines it."
Usage: #definition
* name = "TaskOutputReference"
* status = #active
* experimental = false
* description = "Resources referenced by Task.output values of type Reference, as the SDOH Clinical Care IG defines it."
* purpose = "Lets a referrer fetch a completed handoff with what was done (_include=Task:output)."
* code = #output
* base = #Task
* type = #reference
* expression = "Task.output.value.ofType(Reference)"
* xpathUsage = #normal
