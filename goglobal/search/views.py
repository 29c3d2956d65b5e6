from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from goglobal.bulk.exports import FORMATS
from goglobal.core.pages import render_page
from goglobal.enterprises.enums import EmployeeBand, PresenceMode
from goglobal.search.exports import search_export_response
from goglobal.search.registry import sources
from goglobal.search.selectors import SearchFilters, search_for_user


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=10_000, label=_("Search"))
    type = forms.CharField(required=False, max_length=30)
    sector = forms.SlugField(required=False, max_length=40)
    province = forms.IntegerField(required=False, min_value=0, max_value=32767)
    country = forms.RegexField(required=False, regex=r"^[A-Za-z]{2}$")
    mode = forms.ChoiceField(required=False, choices=[("", "")] + PresenceMode.choices)
    size = forms.ChoiceField(required=False, choices=[("", "")] + EmployeeBand.choices)
    page = forms.IntegerField(required=False, min_value=1, max_value=1000)

    def clean_q(self) -> str:
        return self.cleaned_data["q"].replace("\x00", "")

    def clean_type(self) -> str:
        kind = self.cleaned_data["type"]
        if kind and kind not in {source.kind for source in sources()}:
            raise forms.ValidationError(_("Unknown type."))
        return kind


def _link(params: QueryDict, name: str, value: str) -> str:
    """The current query with this facet value chosen, or cleared when it already is."""
    query = params.copy()
    query.pop("page", None)
    if query.get(name) == value:
        query.pop(name, None)
    else:
        query[name] = value
    return "?" + query.urlencode()


def _read(request: HttpRequest) -> tuple[dict, SearchFilters]:
    """The valid parameters (an invalid one is dropped, not an error) and the filters."""
    form = SearchForm(request.GET)
    form.is_valid()
    data = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    filters = SearchFilters(
        type=data.get("type") or "",
        sector=data.get("sector") or "",
        province="" if data.get("province") is None else str(data["province"]),
        country=(data.get("country") or "").upper(),
        mode=data.get("mode") or "",
        size=data.get("size") or "",
    )
    return data, filters


@require_GET
def search_page(request: HttpRequest):
    data, filters = _read(request)
    result = search_for_user(request.user, data.get("q") or "", filters, page=data.get("page") or 1)
    facets = [
        {
            "label": facet.label,
            "values": [
                {
                    "label": value.label,
                    "count": value.count,
                    "selected": value.selected,
                    "href": _link(request.GET, facet.name, value.value),
                }
                for value in facet.values[:12]
            ],
        }
        for facet in result.facets
    ]
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "result": result,
        "facets": facets,
        "q": data.get("q") or "",
        "page_query": params.urlencode(),
        "previous_page": result.page - 1 if result.page > 1 else None,
        "next_page": result.page + 1 if result.page < result.pages else None,
    }
    return render_page(request, "search/results.html", context, partial="results", target="results")


@require_GET
def search_export(request: HttpRequest, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    data, filters = _read(request)
    return search_export_response(
        request.user, data.get("q") or "", filters, fmt, absolute=request.build_absolute_uri
    )
