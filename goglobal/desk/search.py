"""Business opportunities in the one search, registered by the desk (DeskConfig.ready) without
a change to the search core. Who may find one is the desk's own selector,
`opportunity_visible_for_user` (staff; the missions of its country; enterprise representatives
the open ones and those their enterprise matched or answered; nobody else), and the services
that post and close opportunities keep their entry in step (`search_index_record`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.desk.enums import OpportunityKind
from goglobal.desk.models import Opportunity
from goglobal.desk.selectors import opportunity_visible_for_user
from goglobal.missions.models import Mission
from goglobal.search.registry import (
    Document,
    SearchSource,
    choice_labels,
    grouped,
    id_batches,
)

BATCH = 1000

_FIELDS = ("id", "title", "description", "kind", "deadline", "country_id", "country__name_vi",
           "country__name_en", "mission__name_vi", "mission__name_en")  # fmt: skip


def opportunity_documents(ids: Iterable[int] | None) -> Iterator[Document]:
    kinds = choice_labels(OpportunityKind)
    links = Opportunity.sectors.through.objects
    for batch in id_batches(Opportunity, ids, BATCH):
        rows = Opportunity.objects.filter(id__in=batch).values_list(*_FIELDS)
        sectors = grouped(
            links.filter(opportunity_id__in=batch).values_list("opportunity_id", "sector__code")
        )
        for (pk, title, description, kind, deadline, country, country_vi, country_en,
             mission_vi, mission_en) in rows:  # fmt: skip
            yield Document(
                object_id=pk,
                title=title,
                subtitle=f"{mission_vi} · {country_vi} · {deadline:%d/%m/%Y}",
                subtitle_en=f"{mission_en or mission_vi} · {country_en} · {deadline:%d/%m/%Y}",
                url=reverse("desk:opportunity-detail", args=[pk]),
                names=[title],
                body=[
                    description,
                    country_vi,
                    country_en,
                    mission_vi,
                    mission_en,
                    *kinds.get(kind, []),
                ],  # fmt: skip
                facets=[("country", country)] + [("sector", code) for code in sectors[pk]],
            )


SOURCE = SearchSource(
    kind="opportunity",
    label=_("Business opportunity"),
    model=Opportunity,
    visible=opportunity_visible_for_user,
    documents=opportunity_documents,
    # An opportunity's entry names its mission.
    includes=((Mission, "mission"),),
)
