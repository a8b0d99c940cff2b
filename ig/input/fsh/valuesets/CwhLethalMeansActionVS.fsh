ValueSet: CwhLethalMeansActionVS
Id: cwh-lethal-means-action-vs
Title: "CWH Lethal Means Action"
Description: "All lethal means actions."
* ^experimental = false
* include codes from system CwhLethalMeansAction
