Instance: Task-patient
InstanceOf: SearchParameter
Title: "Task Patient"
Description: "The patient a Task is for (Task.for, which CWH handoffs always fill with a Patient); R4 core has no such parameter."
Usage: #definition
* name = "TaskPatient"
* status = #active
* experimental = false
* description = "The patient a Task is for (Task.for, which CWH handoffs always fill with a Patient); R4 core has no such parameter."
* purpose = "Lets a receiving organization's inbox fetch each handoff with its patient in one query (_include=Task:patient)."
* code = #patient
* base = #Task
* type = #reference
* expression = "Task.for"
* xpathUsage = #normal
* target[+] = #Patient
