"""Casework routes: pages (reads) and actions (writes) live in separate modules."""

from opensend.casework.urls_actions import urlpatterns as action_patterns
from opensend.casework.urls_pages import urlpatterns as page_patterns

app_name = "casework"
urlpatterns = page_patterns + action_patterns
