"""The directory's background jobs. Procrastinate imports each app's tasks.py; the jobs
themselves live with their feature."""

from opensend.directory.editorial.tasks import local_offer_review_reminders  # noqa: F401 (editorial, issue 4)
