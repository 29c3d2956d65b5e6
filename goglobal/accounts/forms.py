from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.services import TOKEN_NAME_MAX
from goglobal.core.forms import PageForm


class SignInForm(AuthenticationForm):
    required_css_class = "required"
    error_css_class = "has-error"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class TokenForm(PageForm):
    name = forms.CharField(
        label=_("Token name"),
        max_length=TOKEN_NAME_MAX,
        help_text=_("What the token is for, e.g. “CRM export script”."),
    )
