from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.bulk.models import ImportKind
from goglobal.bulk.services import MAX_UPLOAD_BYTES
from goglobal.core.forms import PageForm


class ImportForm(PageForm):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV (UTF-8 or UTF-16, comma, semicolon or tab separated) or XLSX, with a header "
            "line in English or Vietnamese; at most 20 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_BYTES // 2**20}
            )
        return upload
