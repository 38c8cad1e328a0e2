"""The SEN2 return (issue 3, item 6): records, XML, pre-submission checks, export.

Pure modules (no Django): records.py, xml_writer.py, rules.py, figures.py.
Django modules: collect.py and assemble.py (database to records), exports.py (scoped,
audited entry points for the command and the pages). See docs/sen2-return.md.
"""
