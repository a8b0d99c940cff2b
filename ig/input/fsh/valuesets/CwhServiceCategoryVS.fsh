ValueSet: CwhServiceCategoryVS
Id: cwh-service-category-vs
Title: "CWH Service Category"
Description: "All service categories."
* ^experimental = false
* include codes from system CwhServiceCategory
