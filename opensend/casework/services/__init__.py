"""Writes to casework. Each service is atomic, named `<entity>_<action>`, takes
keyword-only arguments, records the append-only CaseEvent, refreshes the statutory
clock for the case and writes the audit entry."""
