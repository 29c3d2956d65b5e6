"""Search results as a download (CSV or XLSX): the results the page shows, in its order, over
every page — a broad query answered from up to EXPORT_CANDIDATES matches rather than the page's
CANDIDATES — through the same selectors, so nothing the user may not see is written."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from goglobal.accounts.access import AnyUser
from goglobal.bulk.exports import dated_file_name, table_response
from goglobal.search.selectors import EXPORT_CANDIDATES, SearchFilters, search_for_user


def search_export_response(
    user: AnyUser, q: str, filters: SearchFilters, fmt: str, *, absolute: Callable[[str], str]
):
    """`absolute` turns a record's path into a link that works outside the site."""
    size = EXPORT_CANDIDATES
    result = search_for_user(user, q, filters, page_size=size, with_facets=False, limit=size)
    header = [_("Type"), _("Name"), _("Details"), _("Link")]
    body = ([hit.kind_label, hit.title, hit.subtitle, absolute(hit.url)] for hit in result.items)
    response = table_response(header, body, fmt=fmt, name=dated_file_name("search", fmt))
    # A broad query's file holds its best EXPORT_CANDIDATES results, and says so.
    response["X-Results-Capped"] = "true" if result.capped else "false"
    return response
