from django.urls import path

from opensend.core.views import about, account, auth, health, password_reset, sign_in_link, sso
from opensend.core.views.home import home

app_name = "core"

urlpatterns = [
    path("", home, name="home"),
    path("sign-in/", auth.sign_in, name="sign_in"),
    path("sign-in/security-code/", auth.security_code, name="security_code"),
    path("sign-in/set-up-authenticator/", auth.set_up_authenticator, name="set_up_authenticator"),
    # Staff single sign-on (issue 13 item 5, docs/sso.md): 404 unless configured
    path("sign-in/organisation/", sso.start_sign_in, name="sso_start"),
    path("sign-in/organisation/callback/", sso.finish_sign_in, name="sso_callback"),
    # Families: a single-use link by email (issue 11 item 1, docs/family-accounts.md)
    path("sign-in/link/", sign_in_link.sign_in_link, name="sign_in_link"),
    path("sign-in/link/sent/", sign_in_link.sign_in_link_sent, name="sign_in_link_sent"),
    path("sign-in/link/<str:token>/", sign_in_link.sign_in_link_use, name="sign_in_link_use"),
    path("sign-out/", auth.sign_out, name="sign_out"),
    path("signed-out/", auth.signed_out, name="signed_out"),
    path("sign-in/forgotten-password/", password_reset.forgotten_password,
         name="forgotten_password"),
    path("sign-in/forgotten-password/sent/", password_reset.password_reset_sent,
         name="password_reset_sent"),
    path("sign-in/reset/<str:uidb64>/<str:token>/", password_reset.reset_password,
         name="reset_password"),
    path("sign-in/password-changed/", password_reset.password_changed, name="password_changed"),
    path("account/notifications/", account.notifications, name="account_notifications"),
    path("accessibility/", about.accessibility, name="accessibility"),
    path("privacy/", about.privacy, name="privacy"),
    # operations (issue 13, item 6): liveness and readiness probes, docs/deploy.md
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
