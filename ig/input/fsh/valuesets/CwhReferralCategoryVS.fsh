ValueSet: CwhReferralCategoryVS
Id: cwh-referral-category-vs
Title: "CWH Referral Category"
Description: "Referral categories: the CWH categories and the SDOH Clinical Care social-need categories."
* ^experimental = false
* include codes from system CwhReferralCategory
* $sdohcc-temp#food-insecurity
* $sdohcc-temp#housing-instability
* $sdohcc-temp#homelessness
* $sdohcc-temp#inadequate-housing
* $sdohcc-temp#transportation-insecurity
* $sdohcc-temp#financial-insecurity
* $sdohcc-temp#material-hardship
* $sdohcc-temp#employment-status
* $sdohcc-temp#social-connection
* $sdohcc-temp#intimate-partner-violence
* $sdohcc-temp#incarceration-status
