from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import CharField, F, Value
from django.db.models.functions import Concat
from django.http import HttpRequest

PAGE_SIZE = 50


def paginate(request: HttpRequest, queryset, per_page: int = PAGE_SIZE) -> Page:
    """One page of the queryset. The count runs on the very queryset the rows come from, so the
    total and the rows always agree on who may see what."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    """The current filters as a query string, for the pager's links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# At or below this many matches a page is sorted from the matches themselves; above it, from the
# ordering index (see Rows).
SORT_MATCHES_BELOW = 3000


class Rows:
    """A page source for the API's paginator: the queryset's count, and its slices as plain
    dicts of `fields` rather than model instances, so that a page of fifty costs no per-row ORM
    objects and no attribute wrappers; `finish` adds what a flat row cannot hold (many-to-many
    lists), in one query per page.

    The plan follows the count, which the paginator asks for first. With many matches the
    database walks the ordering index and stops after the page. With few matches, scattered
    along that index, such a walk probes most of the table to fill a page; then the first
    ordering key is given as an expression (`key || ''`, the same order), which no index serves,
    so the database reads the matches through the filters' own indexes and sorts those.
    `many_matches`, if given, returns the same rows as a queryset shaped for the first case
    (conditions the database checks row by row while it walks the index)."""

    def __init__(
        self,
        queryset,
        fields,
        finish=None,
        *,
        many_matches=None,
        sort_matches_below=SORT_MATCHES_BELOW,
    ):
        self.queryset = queryset
        self.fields = fields
        self.finish = finish
        self.many_matches = many_matches
        self.sort_matches_below = sort_matches_below
        self._count: int | None = None

    def count(self) -> int:
        self._count = self.queryset.count()
        return self._count

    def _ordered(self):
        queryset = self.queryset
        ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
        if self._count is None or not ordering:
            return queryset
        if self._count > self.sort_matches_below:
            return self.many_matches() if self.many_matches else queryset
        first = ordering[0]
        if not isinstance(first, str) or first.lstrip("-") in ("id", "pk"):
            return queryset
        name = first.lstrip("-")
        key = Concat(F(name), Value(""), output_field=CharField())
        key = key.desc() if first.startswith("-") else key.asc()
        return queryset.order_by(key, *ordering[1:])

    def __getitem__(self, bounds: slice) -> list[dict]:
        rows = list(self._ordered()[bounds].values(*self.fields))
        return self.finish(rows) if self.finish else rows
