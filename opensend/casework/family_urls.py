"""Pages for parents, carers and young people (mounted at /family/)."""

from django.urls import path

from opensend.casework.views import family, family_accounts, family_self

app_name = "family"
urlpatterns = [
    path("", family.home, name="home"),
    path("cases/<int:case_id>/", family.case_page, name="case"),
    path("cases/<int:case_id>/documents/", family.documents, name="documents"),
    # family accounts (issue 11 item 1, docs/family-accounts.md)
    path("invitation/<str:token>/", family_accounts.invitation, name="invitation"),
    path("account/", family_self.account, name="account"),
    path("account/security-code/", family_self.security_code, name="security_code"),
    path("account/security-code/off/", family_self.security_code_off,
         name="security_code_off"),
    path("who-can-see-your-record/", family_self.parent_access, name="parent_access"),
]
