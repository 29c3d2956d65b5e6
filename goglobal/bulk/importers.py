"""One importer per kind. Each turns the rows of a sheet into the data the registry services
take, checks them with the services' own rules and writes them all or none.

Enterprises take a bulk path (a 100,000-row file must commit in seconds, not the hour that one
service call per row would take): every row is validated in Python with the validators
`enterprise_create`/`enterprise_update` use, against reference data loaded once, then written
with batched inserts and updates and one history record per changed enterprise, sectors
included, as the service would record. Products, presence and declarations come in smaller
files and go through the services row by row, so their rules are the services' by construction.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goglobal.accounts.access import AnyUser
from goglobal.bulk import cells, inserts
from goglobal.bulk.columns import KIND_COLUMNS, HeaderMatch, column_for
from goglobal.bulk.report import Report, RowOutcome
from goglobal.core.errors import ConflictError
from goglobal.core.text import fold
from goglobal.enterprises import policies, services
from goglobal.enterprises.enums import EmployeeBand, EnterpriseStatus, PresenceMode
from goglobal.enterprises.models import Declaration, Enterprise, MarketPresence, Product
from goglobal.enterprises.services.registry import ENTERPRISE_FIELDS, _clean_trading_names
from goglobal.enterprises.validators import clean_tax_code, validate_founded_year
from goglobal.reference.models import Country, Province, Sector

BATCH = 2000
Progress = Callable[[int], None]


_PROVINCE_WORDS = re.compile(r"^(thanh pho|tinh|tp\.?)\s+|\s+(city|province)$")


class Reference:
    """Provinces, sectors and countries loaded once, looked up by code or by name."""

    def __init__(self) -> None:
        self.provinces = {p.code: p for p in Province.objects.all()}
        self.province_names: dict[str, int] = {}
        for province in self.provinces.values():
            for name in (province.name_vi, province.name_en, province.codename.replace("-", " ")):
                folded = fold(name or "")
                self.province_names[folded] = province.code
                # "Thành phố Đà Nẵng", "Tỉnh Lào Cai", "Da Nang City": also the bare name.
                bare = _PROVINCE_WORDS.sub("", folded).strip()
                self.province_names.setdefault(bare, province.code)
        self.sectors = {s.code: s for s in Sector.objects.filter(disabled_on__isnull=True)}
        self.sector_names = {fold(s.code): s.code for s in self.sectors.values()}
        for sector in self.sectors.values():
            for name in (sector.name_vi, sector.name_en):
                self.sector_names.setdefault(fold(name or ""), sector.code)
        self.country_names: dict[str, str] = {}
        for code, name_vi, name_en in Country.objects.filter(disabled_on__isnull=True).values_list(
            "code", "name_vi", "name_en"
        ):
            self.country_names[fold(code)] = code
            for name in (name_vi, name_en):
                self.country_names.setdefault(fold(name or ""), code)

    def province_code(self, text: str):
        if text.isdigit():
            return int(text)
        folded = fold(text)
        return self.province_names.get(
            folded, self.province_names.get(_PROVINCE_WORDS.sub("", folded).strip(), text)
        )

    def sector_codes(self, text: str) -> list[str]:
        return [self.sector_names.get(fold(part), part) for part in cells.split_list(text)]

    def country_code(self, text: str) -> str:
        return self.country_names.get(fold(text), text)


def _messages(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return exc.message_dict
    return {"": exc.messages}


class Importer:
    kind = ""
    # field → parser(text) for the cells that are not plain text
    parsers: dict[str, Callable] = {}

    def __init__(self, *, actor: AnyUser, match: HeaderMatch, reference: Reference) -> None:
        self.actor = actor
        self.match = match
        self.reference = reference

    def label(self, field_name: str) -> str:
        base = field_name.split(".")[0]
        if base in ("", "__all__", "non_field"):
            return ""
        try:
            return str(column_for(self.kind, base).label)
        except StopIteration:
            return base

    def file_error(self, outcome: RowOutcome, exc: ValidationError | PermissionDenied) -> None:
        if isinstance(exc, ValidationError):
            for field_name, messages in _messages(exc).items():
                for message in messages:
                    outcome.add(self.label(field_name), message)
        else:
            outcome.add("", str(exc) or _("You are not allowed to do this."))

    def cells_of(self, cells_in_row: list[str]) -> dict[str, str]:
        """The non-empty cells of the row by field. An empty cell leaves the field as it is
        (on a new record: its default)."""
        return {
            field_name: cells_in_row[index]
            for field_name, index in self.match.positions.items()
            if index < len(cells_in_row) and cells_in_row[index] != ""
        }

    def parse(self, number: int, cells_in_row: list[str]) -> tuple[RowOutcome, dict]:
        outcome = RowOutcome(row=number)
        data: dict = {}
        for field_name, text in self.cells_of(cells_in_row).items():
            parser = self.parsers.get(field_name)
            try:
                data[field_name] = parser(self, text) if parser else text
            except ValueError as exc:
                outcome.add(self.label(field_name), str(exc))
        for column in KIND_COLUMNS[self.kind]:
            if (
                column.required
                and column.field not in data
                and not any(e["column"] == str(column.label) for e in outcome.errors)
            ):
                outcome.add(str(column.label), _("This field is required."))
        if "tax_code" in data:
            try:
                data["tax_code"] = clean_tax_code(data["tax_code"])
            except ValidationError as exc:
                for message in exc.messages:
                    outcome.add(self.label("tax_code"), message)
                del data["tax_code"]
        return outcome, data

    def row_key(self, data: dict) -> tuple | None:
        return (data["tax_code"],) if "tax_code" in data else None

    def key_text(self, key: tuple) -> str:
        return " · ".join(str(part) for part in key)

    def check_and_write(
        self, rows: list[tuple[RowOutcome, dict]], *, write: bool, progress: Progress
    ) -> None:
        raise NotImplementedError


# -- enterprises: the bulk path ----------------------------------------------------------------


def _sectors(importer: Importer, text: str) -> list[str]:
    return importer.reference.sector_codes(text)


def _ownership(importer: Importer, text: str):
    return cells.parse_decimal(text.rstrip("%").strip())


EMPLOYEE_BANDS = None
STATUSES = None
MODES = None


def _band(importer, text):
    global EMPLOYEE_BANDS
    EMPLOYEE_BANDS = EMPLOYEE_BANDS or cells.choice_lookup(EmployeeBand.choices)
    return cells.parse_choice(text, EMPLOYEE_BANDS)


def _status(importer, text):
    global STATUSES
    STATUSES = STATUSES or cells.choice_lookup(EnterpriseStatus.choices)
    return cells.parse_choice(text, STATUSES)


def _mode(importer, text):
    global MODES
    MODES = MODES or cells.choice_lookup(PresenceMode.choices)
    return cells.parse_choice(text, MODES)


class EnterpriseImporter(Importer):
    kind = "enterprises"
    parsers = {
        "province": lambda self, text: self.reference.province_code(text),
        "founded_year": lambda self, text: cells.parse_int(text),
        "employee_band": _band,
        "vn_ownership_pct": _ownership,
        "sectors": _sectors,
        "trading_names": lambda self, text: cells.split_list(text),
        "status": _status,
    }

    def apply(self, enterprise: Enterprise, data: dict) -> tuple[dict, list | None, set[str]]:
        """The checks of services.registry._apply_enterprise, with reference data from memory
        instead of a query per row. Returns the errors, the sectors (None: unchanged) and the
        names of the fields whose value changed."""
        errors: dict[str, list] = {}
        before = {name: getattr(enterprise, name) for name in UPDATABLE}
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
        try:
            validate_founded_year(enterprise.founded_year)
        except ValidationError as exc:
            errors["founded_year"] = exc.messages
        sectors = None
        if "sectors" in data:
            missing = sorted({code for code in data["sectors"]} - set(self.reference.sectors))
            if missing:
                errors["sectors"] = [
                    _("Unknown sector codes: %(codes)s.") % {"codes": ", ".join(missing)}
                ]
            else:
                sectors = sorted({self.reference.sectors[code].pk for code in data["sectors"]})
        enterprise.name_folded = fold(enterprise.name_vi or "")
        # The province was checked against the loaded provinces above: no query per row.
        exclude = [*errors, "province"]
        try:
            enterprise.clean_fields(exclude=exclude)
            enterprise.clean()
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors.setdefault(name, messages)
        if not enterprise.province_id and "province" not in errors:
            errors["province"] = [_("This field is required.")]
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
                Enterprise.objects.bulk_update(
                    [e for e, _s in changed], sorted(fields | {"updated_at"}), batch_size=500
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
        getters = [
            (field.attname in tracked, field.attname, extra.get(field.attname)) for field in fields
        ]
        record_ids = inserts.insert(
            model,
            fields,
            [
                [getattr(e, name) if is_tracked else value for is_tracked, name, value in getters]
                for e in enterprises
            ],
            returning=True,
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


UPDATABLE = (*ENTERPRISE_FIELDS, "trading_names", "status", "province_id", "name_folded")


# -- products, presence and declarations: through the services --------------------------------


class ServiceImporter(Importer):
    """Rows of an enterprise's records, written by the registry services one by one inside the
    import's transaction. A dry run writes them too and then rolls the transaction back, so it
    reports exactly what the real run would refuse."""

    def enterprise_ids(self, rows) -> dict[str, int]:
        codes = sorted({data["tax_code"] for _o, data in rows if "tax_code" in data})
        found: dict[str, int] = {}
        for start in range(0, len(codes), BATCH):
            found.update(
                Enterprise.objects.filter(tax_code__in=codes[start : start + BATCH]).values_list(
                    "tax_code", "id"
                )
            )
        return found

    def existing(self, enterprise_ids: list[int]) -> dict[tuple, object]:
        raise NotImplementedError

    def existing_key(self, enterprise_id: int, data: dict) -> tuple:
        raise NotImplementedError

    def save(self, enterprise: Enterprise, record, data: dict):
        raise NotImplementedError

    def check_and_write(self, rows, *, write: bool, progress: Progress) -> None:
        ids = self.enterprise_ids(rows)
        for outcome, data in rows:
            if "tax_code" in data and data["tax_code"] not in ids:
                outcome.add(
                    self.label("tax_code"),
                    _("No enterprise with tax code %(code)s is registered: import it first.")
                    % {"code": data["tax_code"]},
                )
        existing = self.existing(list(ids.values()))
        enterprises = {e.pk: e for e in Enterprise.objects.filter(pk__in=list(ids.values()))}
        with transaction.atomic():
            for index, (outcome, data) in enumerate(rows, start=1):
                if index % 200 == 0:
                    progress(index)
                if outcome.errors:
                    continue
                enterprise = enterprises[ids[data["tax_code"]]]
                record = existing.get(self.existing_key(enterprise.pk, data))
                payload = {k: v for k, v in data.items() if k != "tax_code"}
                try:
                    self.save(enterprise, record, payload)
                except (ValidationError, PermissionDenied) as exc:
                    self.file_error(outcome, exc)
                except ConflictError as exc:
                    outcome.add("", str(exc))
                else:
                    outcome.action = "update" if record is not None else "create"
            progress(len(rows))
            if not write or any(outcome.errors for outcome, _data in rows):
                transaction.set_rollback(True)


def _countries(importer: Importer, text: str) -> list[str]:
    return [importer.reference.country_code(part) for part in cells.split_list(text)]


class ProductImporter(ServiceImporter):
    kind = "products"
    parsers = {
        "make_in_vietnam": lambda self, text: cells.parse_bool(text),
        "sectors": _sectors,
        "target_markets": _countries,
    }

    def row_key(self, data):
        if "tax_code" not in data or "name_vi" not in data:
            return None
        return (data["tax_code"], fold(data["name_vi"]))

    def key_text(self, key):
        return key[0]

    def existing(self, enterprise_ids):
        found = {}
        for product in Product.objects.filter(enterprise_id__in=enterprise_ids).order_by("id"):
            found.setdefault((product.enterprise_id, fold(product.name_vi)), product)
        return found

    def existing_key(self, enterprise_id, data):
        return (enterprise_id, fold(data["name_vi"]))

    def save(self, enterprise, record, data):
        if record is None:
            return services.product_create(actor=self.actor, enterprise=enterprise, data=data)
        return services.product_update(actor=self.actor, product=record, data=data)


class PresenceImporter(ServiceImporter):
    kind = "presence"
    parsers = {
        "country": lambda self, text: self.reference.country_code(text),
        "mode": _mode,
        "since": lambda self, text: cells.parse_date(text),
        "staff_abroad": lambda self, text: cells.parse_int(text),
    }

    def row_key(self, data):
        if not {"tax_code", "country", "mode"} <= set(data):
            return None
        return (data["tax_code"], str(data["country"]).upper(), data["mode"])

    def existing(self, enterprise_ids):
        return {
            (p.enterprise_id, p.country_id, p.mode): p
            for p in MarketPresence.objects.filter(enterprise_id__in=enterprise_ids)
        }

    def existing_key(self, enterprise_id, data):
        return (enterprise_id, str(data["country"]).upper(), data["mode"])

    def save(self, enterprise, record, data):
        if record is None:
            return services.presence_create(actor=self.actor, enterprise=enterprise, data=data)
        return services.presence_update(actor=self.actor, presence=record, data=data)


def _country_revenues(importer: Importer, text: str) -> list[dict]:
    """ "JP: 300; US: 200" → [{"country": "JP", "revenue": Decimal(300)}, …]."""
    out = []
    for part in cells.split_list(text):
        country, sep, amount = part.rpartition(":") if ":" in part else part.rpartition("=")
        if not sep:
            raise ValueError(_("Write each country as CODE: amount, separated by semicolons."))
        out.append(
            {
                "country": importer.reference.country_code(country.strip()),
                "revenue": cells.parse_decimal(amount),
            }
        )
    return out


class DeclarationImporter(ServiceImporter):
    kind = "declarations"
    parsers = {
        "year": lambda self, text: cells.parse_int(text),
        "exchange_rate": lambda self, text: cells.parse_decimal(text),
        "total_revenue": lambda self, text: cells.parse_decimal(text),
        "overseas_revenue": lambda self, text: cells.parse_decimal(text),
        "staff_abroad": lambda self, text: cells.parse_int(text),
        "countries": _country_revenues,
    }

    def row_key(self, data):
        if not {"tax_code", "year"} <= set(data):
            return None
        return (data["tax_code"], data["year"])

    def existing(self, enterprise_ids):
        return {
            (d.enterprise_id, d.year): d
            for d in Declaration.objects.filter(enterprise_id__in=enterprise_ids)
        }

    def existing_key(self, enterprise_id, data):
        return (enterprise_id, data["year"])

    def save(self, enterprise, record, data):
        if record is None:
            return services.declaration_create(actor=self.actor, enterprise=enterprise, data=data)
        return services.declaration_update(actor=self.actor, declaration=record, data=data)


IMPORTERS: dict[str, type[Importer]] = {
    "enterprises": EnterpriseImporter,
    "products": ProductImporter,
    "presence": PresenceImporter,
    "declarations": DeclarationImporter,
}


def run_rows(
    importer: Importer,
    sheet_rows,
    *,
    dry_run: bool,
    report: Report,
    progress: Progress,
    formulas: dict[int, list[int]],
) -> None:
    seen: dict[tuple, int] = {}
    rows = []
    headers = {index: field for field, index in importer.match.positions.items()}
    for number, row_cells in sheet_rows:
        outcome, data = importer.parse(number, row_cells)
        for column in formulas.get(number, ()):
            name = headers.get(column)
            outcome.add(
                importer.label(name) if name else "",
                _("This cell holds a formula; import values only (paste as values)."),
            )
        key = importer.row_key(data)
        if key is not None:
            outcome.key = importer.key_text(key)
            if key in seen:
                outcome.add(
                    importer.label("tax_code"),
                    _("This row repeats row %(row)s (the same %(what)s).")
                    % {"row": seen[key], "what": KEY_WORDS[importer.kind]},
                )
            else:
                seen[key] = number
        rows.append((outcome, data))
        report.outcomes.append(outcome)
    importer.check_and_write(rows, write=not dry_run and report.ok, progress=progress)
    report.committed = not dry_run and report.ok


KEY_WORDS = {
    "enterprises": gettext_lazy("tax code"),
    "products": gettext_lazy("tax code and product name"),
    "presence": gettext_lazy("tax code, country and mode"),
    "declarations": gettext_lazy("tax code and year"),
}
