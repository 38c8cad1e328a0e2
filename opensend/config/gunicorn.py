"""gunicorn settings (`gunicorn -c python:opensend.config.gunicorn`).

The access log leaves out every query string and the Referer (issue 13, finding 7):
searches put children's names, dates of birth and postcodes in the query string
(`/cases/search/?q=...`), and the Referer carries the previous page's. A line says
who (address), when, the method, the PATH only, the status, the size and the browser.
"""

# gunicorn's atoms: %(U)s is the path without its query string; %(r)s (the request
# line) and %(f)s (the referer) would carry query strings, so neither is used.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s"'
