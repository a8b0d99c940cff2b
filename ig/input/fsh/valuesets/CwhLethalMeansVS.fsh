ValueSet: CwhLethalMeansVS
Id: cwh-lethal-means-vs
Title: "CWH Lethal Means"
Description: "All lethal means."
* ^experimental = false
* include codes from system CwhLethalMeans
