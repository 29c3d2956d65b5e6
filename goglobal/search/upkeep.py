"""Removes a record's entry when the record is deleted, and rewrites the entries that included
its text (a product's enterprise lists its products; an event its partner organisations). A
receiver rather than a service call because deletes also come by cascade (an enterprise takes
its products and contacts with it) and from the admin. Connected per model that a source
indexes or includes only, so other models keep Django's fast deletes."""

from django.db.models import Model
from django.db.models.signals import post_delete, pre_delete

# Set on the instance before its delete: the records that include its text, found while the
# links to them (a many-to-many's rows, deleted by the cascade first) still exist.
_INCLUDED_IN = "_search_included_in"


def _before_delete(sender, instance, **kwargs) -> None:
    from goglobal.search.registry import including

    setattr(instance, _INCLUDED_IN, including(sender, [instance.pk]))


def _on_delete(sender, instance, origin=None, **kwargs) -> None:
    from goglobal.search.registry import source_for_model
    from goglobal.search.services import search_index_including, search_unindex

    source = source_for_model(sender)
    if source is not None:
        search_unindex(kind=source.kind, ids=[instance.pk])
    included = getattr(instance, _INCLUDED_IN, None)
    if included and isinstance(origin, Model) and origin is not instance:
        # The record whose delete took this one with it (an enterprise, its products and
        # presence) goes next and loses its entry then: it is not rewritten for each of them.
        going = source_for_model(type(origin))
        if going is not None:
            included = [
                (kind, [pk for pk in ids if kind != going.kind or pk != origin.pk])
                for kind, ids in included
            ]
    search_index_including(sender, [instance.pk], included)


def connect(model) -> None:
    uid = f"search-unindex-{model._meta.label}"
    pre_delete.connect(_before_delete, sender=model, dispatch_uid=uid)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid)
