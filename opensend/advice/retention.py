"""Retention of the advice advisers submit (core/retention.py, docs/retention.md).

An AdviceSubmission belongs to its casework AdviceRequest (ON DELETE CASCADE) and its
files are casework AdviceFiles, so the "ehc_record" record type
(opensend/casework/retention.py) deletes them with the child's whole record: no record
type of its own, and nothing kept longer than the case.
"""

from opensend.advice.models import AdviceSubmission

# Deleted with the child's record (casework "ehc_record"), through the advice request.
RETAINED_WITH_EHC_RECORD = (AdviceSubmission,)
