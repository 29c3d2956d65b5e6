"""Enterprises take a bulk path: every row is validated in Python with the validators
`enterprise_create`/`enterprise_update` use, against reference data loaded once, then written
with multi-row inserts and one history record per changed enterprise, sectors included, as the
service would record. A 100,000-row file must commit in seconds, not the hour that one service
call per row would take."""

from __future__ import annotations

import functools
import operator

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.bulk import cells
from goglobal.bulk.fieldchecks import FieldChecks
from goglobal.bulk.importers import base
from goglobal.bulk.importers.base import BATCH, Progress
from goglobal.core import inserts
from goglobal.core.text import fold
from goglobal.enterprises import policies
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.services.registry import ENTERPRISE_FIELDS, _clean_trading_names
from goglobal.enterprises.validators import validate_founded_year
from goglobal.search.services import search_index_including, search_index_many


class EnterpriseImporter(base.Importer):
    kind = "enterprises"
    parsers = {
        "province": lambda self, text: self.reference.province_code(text),
        "founded_year": lambda self, text: cells.parse_int(text),
        "employee_band": base.band,
        "vn_ownership_pct": base.ownership,
        "sectors": base.sectors,
        "trading_names": lambda self, text: cells.split_list(text),
        "status": base.status,
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # A year up to this one is never in the future, whenever in the import it is checked.
        self.this_year = timezone.localdate().year

    def apply(self, enterprise: Enterprise, data: dict) -> tuple[dict, list | None, set[str]]:
        """The checks of services.registry._apply_enterprise, with reference data from memory
        instead of a query per row. Returns the errors, the sectors (None: unchanged) and the
        names of the fields whose value changed."""
        errors: dict[str, list] = {}
        creating = enterprise.pk is None
        before = {} if creating else {name: getattr(enterprise, name) for name in UPDATABLE}
        for name in ENTERPRISE_FIELDS:
            if name in data:
                value = data[name]
                setattr(enterprise, name, value.strip() if isinstance(value, str) else value)
        if "tax_code" in data:
            enterprise.tax_code = data["tax_code"]
        if "trading_names" in data:
            try:
                enterprise.trading_names = _clean_trading_names(data["trading_names"])
            except ValidationError as exc:
                errors.update(exc.message_dict)
        if "status" in data and data["status"] != enterprise.status:
            if not policies.can_change_enterprise_status(self.actor):
                errors["status"] = [_("You are not allowed to do this.")]
            else:
                enterprise.status = data["status"]
        if "province" in data:
            province = self.reference.provinces.get(data["province"])
            if province is None:
                errors["province"] = [
                    _("Unknown province code: %(code)s.") % {"code": data["province"]}
                ]
            else:
                enterprise.province = province
        year = enterprise.founded_year
        if not (year is None or (type(year) is int and 1900 <= year <= self.this_year)):
            # The validator reads the clock and the time zone: only for years it may refuse.
            try:
                validate_founded_year(year)
            except ValidationError as exc:
                errors["founded_year"] = exc.messages
        sectors = None
        if "sectors" in data:
            known = self.reference.sectors
            missing = sorted({code for code in data["sectors"] if code not in known})
            if missing:
                errors["sectors"] = [
                    _("Unknown sector codes: %(codes)s.") % {"codes": ", ".join(missing)}
                ]
            else:
                sectors = sorted({self.reference.sectors[code].pk for code in data["sectors"]})
        enterprise.name_folded = fold(enterprise.name_vi or "")
        # The province was checked against the loaded provinces above: no query per row.
        # clean_fields() and clean(), as full_clean runs them, with the fields' checks worked
        # out once for the file (fieldchecks.py) instead of once per row.
        field_errors = _field_checks().errors(enterprise, {*errors, "province"})
        if not field_errors:
            try:
                enterprise.clean()
            except ValidationError as exc:
                field_errors = exc.message_dict
        for name, messages in field_errors.items():
            errors.setdefault(name, messages)
        if not enterprise.province_id and "province" not in errors:
            errors["province"] = [_("This field is required.")]
        if creating:
            return errors, sectors, set()
        changed = {name for name in UPDATABLE if getattr(enterprise, name) != before[name]}
        return errors, sectors, changed

    def _existing(self, tax_codes: list[str]) -> dict[str, Enterprise]:
        found: dict[str, Enterprise] = {}
        for start in range(0, len(tax_codes), BATCH):
            chunk = tax_codes[start : start + BATCH]
            for enterprise in Enterprise.objects.filter(tax_code__in=chunk):
                found[enterprise.tax_code] = enterprise
        return found

    def _links(self, enterprise_ids: list[int]) -> dict[int, list[tuple[int, int]]]:
        """(link id, sector id) of each enterprise's sectors."""
        through = Enterprise.sectors.through
        links: dict[int, list[tuple[int, int]]] = {pk: [] for pk in enterprise_ids}
        for start in range(0, len(enterprise_ids), BATCH):
            chunk = enterprise_ids[start : start + BATCH]
            for link_id, enterprise_id, sector_id in through.objects.filter(
                enterprise_id__in=chunk
            ).values_list("id", "enterprise_id", "sector_id"):
                links[enterprise_id].append((link_id, sector_id))
        return links

    def check_and_write(self, rows, *, write: bool, progress: Progress) -> None:
        existing = self._existing([data["tax_code"] for _o, data in rows if "tax_code" in data])
        existing_links = self._links([e.pk for e in existing.values()])
        new: list[tuple[Enterprise, list[int]]] = []
        changed: list[tuple[Enterprise, list[int] | None]] = []
        fields: set[str] = set()
        for index, (outcome, data) in enumerate(rows, start=1):
            if index % BATCH == 0:
                progress(index)
            if outcome.errors:
                continue
            enterprise = existing.get(data["tax_code"])
            creating = enterprise is None
            if creating:
                enterprise = Enterprise()
                data.setdefault("name_vi", "")
                if not policies.can_create_enterprise(self.actor):
                    outcome.add("", _("You are not allowed to do this."))
                    continue
            elif not policies.can_edit_enterprise(self.actor, enterprise):
                outcome.add("", _("You are not allowed to do this."))
                continue
            errors, sectors, changed_fields = self.apply(enterprise, data)
            for name, messages in errors.items():
                for message in messages:
                    outcome.add(self.label(name), message)
            if outcome.errors:
                continue
            if creating:
                outcome.action = "create"
                new.append((enterprise, sectors or []))
                continue
            current = sorted(sector for _link, sector in existing_links[enterprise.pk])
            if sectors is not None and sectors == current:
                sectors = None
            if not changed_fields and sectors is None:
                outcome.action = "unchanged"
                continue
            outcome.action = "update"
            fields |= changed_fields
            changed.append((enterprise, sectors))
        progress(len(rows))
        if write and all(not outcome.errors for outcome, _data in rows):
            self._write(new, changed, fields, existing_links)

    def _write(self, new, changed, fields, existing_links) -> None:
        user = self.actor if self.actor.is_authenticated else None
        through = Enterprise.sectors.through
        link_fields = [through._meta.get_field("enterprise"), through._meta.get_field("sector")]
        now = timezone.now()
        with transaction.atomic():
            created = [enterprise for enterprise, _sectors in new]
            inserts.insert_instances(Enterprise, created)
            pairs = [(e.pk, sector) for e, sectors in new for sector in sectors]
            link_ids = inserts.insert(through, link_fields, pairs, returning=True)
            link_map: dict[int, list[tuple[int, int]]] = {e.pk: [] for e in created}
            for link_id, (enterprise_id, sector) in zip(link_ids, pairs, strict=True):
                link_map[enterprise_id].append((link_id, sector))
            if changed:
                for enterprise, _sectors in changed:
                    enterprise.updated_at = now
                inserts.update(
                    Enterprise,
                    [Enterprise._meta.get_field(name) for name in sorted(fields | {"updated_at"})],
                    [e for e, _s in changed],
                )
                resectored = [(e, s) for e, s in changed if s is not None]
                ids = {e.pk for e, _s in resectored}
                ordered = sorted(ids)
                for start in range(0, len(ordered), BATCH):
                    through.objects.filter(
                        enterprise_id__in=ordered[start : start + BATCH]
                    ).delete()
                pairs = [(e.pk, sector) for e, sectors in resectored for sector in sectors]
                link_ids = inserts.insert(through, link_fields, pairs, returning=True)
                for enterprise, _s in changed:
                    link_map[enterprise.pk] = (
                        [] if enterprise.pk in ids else list(existing_links[enterprise.pk])
                    )
                for link_id, (enterprise_id, sector) in zip(link_ids, pairs, strict=True):
                    link_map[enterprise_id].append((link_id, sector))
            self._history(created, "+", user, now, link_map)
            self._history([e for e, _s in changed], "~", user, now, link_map)
            self._index(created, [e for e, _s in changed])

    def _index(self, created, changed) -> None:
        """The services keep the search index in step; this path writes around them, so it
        indexes what it wrote, and for changed enterprises the entries that include their text
        (their products, contacts and cases: as the sources declare)."""
        search_index_many(kind="enterprise", ids=[e.pk for e in created + changed])
        changed_ids = [e.pk for e in changed]
        for start in range(0, len(changed_ids), BATCH):
            search_index_including(Enterprise, changed_ids[start : start + BATCH])

    def _history(self, enterprises, kind: str, user, now, link_map) -> None:
        """One history record per enterprise with its sectors, as save_with_history writes."""
        if not enterprises:
            return
        model = Enterprise.history.model
        tracked = {field.attname for field in model.tracked_fields}
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        extra = {
            "history_date": now,
            "history_user_id": user.pk if user else None,
            "history_change_reason": None,
            "history_type": kind,
        }
        # The tracked fields read in one attrgetter call per record, the history's own after.
        copied = [field for field in fields if field.attname in tracked]
        own = [field for field in fields if field.attname not in tracked]
        read = operator.attrgetter(*(field.attname for field in copied))
        tail = tuple(extra.get(field.attname) for field in own)
        record_ids = inserts.insert(
            model, [*copied, *own], [(*read(e), *tail) for e in enterprises], returning=True
        )
        m2m_model = Enterprise._history_records.m2m_models[Enterprise._meta.get_field("sectors")]
        m2m_fields = [
            m2m_model._meta.get_field(name) for name in ("id", "enterprise", "sector", "history")
        ]
        inserts.insert(
            m2m_model,
            m2m_fields,
            [
                (link_id, enterprise.pk, sector, record_id)
                for enterprise, record_id in zip(enterprises, record_ids, strict=True)
                for link_id, sector in link_map[enterprise.pk]
            ],
        )


@functools.cache
def _field_checks() -> FieldChecks:
    return FieldChecks(Enterprise)


UPDATABLE = (*ENTERPRISE_FIELDS, "trading_names", "status", "province_id", "name_folded")
