from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.core.forms import PageForm


class AttachmentForm(PageForm):
    file = forms.FileField(label=_("File"))
    name = forms.CharField(
        label=_("Name shown"),
        required=False,
        max_length=300,
        help_text=_("Leave empty to keep the file's own name."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=200)
