"""Support cases in the one search, registered by the cases app (CasesConfig.ready) without a
change to the search core. Who finds a case is this app's own selector, `case_visible_for_user`:
staff; the enterprise's representatives; a mission officer the shared cases of its
jurisdiction; an Advisory Group member its agency's cases and the Group's; owners and
contributors; never the public or a partner. The services that create, change and move a case
keep its entry in step (`search_index_record`), and a renamed enterprise rewrites its cases'
entries (`includes`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.cases.enums import CaseCategory, CaseStatus
from goglobal.cases.models import Case
from goglobal.cases.selectors import case_visible_for_user
from goglobal.enterprises.models import Enterprise
from goglobal.search.registry import Document, SearchSource, choice_labels, id_batches

BATCH = 1000
_FIELDS = ("id", "title", "description", "region", "category", "sub_category", "status",
           "country_id", "country__name_vi", "country__name_en", "enterprise__name_vi",
           "enterprise__name_en", "enterprise__tax_code")  # fmt: skip


def case_documents(ids: Iterable[int] | None) -> Iterator[Document]:
    categories = choice_labels(CaseCategory)
    statuses = choice_labels(CaseStatus)
    for batch in id_batches(Case, ids, BATCH):
        rows = Case.objects.filter(id__in=batch).values_list(*_FIELDS)
        for (pk, title, description, region, category, sub_category, status, country,
             country_vi, country_en, enterprise_vi, enterprise_en, tax_code) in rows:  # fmt: skip
            status_vi, status_en = statuses[status]
            yield Document(
                object_id=pk,
                title=title,
                # The case's number, who met the obstacle, where, and where the case stands.
                subtitle=f"#{pk} · {enterprise_vi} · {country_vi} · {status_vi}",
                subtitle_en=f"#{pk} · {enterprise_en or enterprise_vi} · {country_en} · {status_en}",
                url=reverse("cases:detail", args=[pk]),
                names=[title],
                body=[
                    str(pk),
                    description,
                    region,
                    sub_category,
                    enterprise_vi,
                    enterprise_en,
                    tax_code,
                    country_vi,
                    country_en,
                    *categories.get(category, []),
                ],
                facets=[("country", country)],
            )


SOURCE = SearchSource(
    kind="case",
    label=_("Support case"),
    model=Case,
    visible=case_visible_for_user,
    documents=case_documents,
    # A case's entry names its enterprise.
    includes=((Enterprise, "enterprise"),),
)
