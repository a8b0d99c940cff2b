ValueSet: CwhOutreachCategoryVS
Id: cwh-outreach-category-vs
Title: "CWH Outreach Category"
Description: "All outreach categories."
* ^experimental = false
* include codes from system CwhOutreachCategory
