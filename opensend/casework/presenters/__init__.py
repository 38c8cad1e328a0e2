"""Turn casework records into what the pages show: plain-English step names, GOV.UK
status tags, event descriptions and family-friendly sentences.

No queries and no rules here: statuses come from the statutory package
(opensend.statutory.clock). Dates are formatted by the templates' `govuk_date` filter,
or by the same function in sentences built here.

Modules: steps (names, tags, statuses), records (advice, plan versions, actions),
history (event lines), family (the family pages' wording), pages (whole pages).
"""
