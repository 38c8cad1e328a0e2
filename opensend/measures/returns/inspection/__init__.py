"""The area SEND inspection lists (issue 3, item 7): List 1 (EHC plans) and List 2 (SEN
support), as Excel and CSV. columns.py is pure (no Django); collect.py reads the database;
writers.py writes the files. See docs/inspection-lists.md."""
