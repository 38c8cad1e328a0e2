"""The SEND statutory rules in pure Python.

No Django import is allowed anywhere in this package (tests/statutory/test_purity.py
fails if one appears): casework screens, reminders, the dashboard and the SEN2
return all call these functions so they never disagree.
"""
