"""Removes a record's entry when the record is deleted, and rewrites the entries that included
its text (a product's enterprise lists its products). A receiver rather than a service call
because deletes also come by cascade (an enterprise takes its products and contacts with it)
and from the admin. Connected per source model only, so other models keep Django's fast
deletes."""

from django.db.models.signals import post_delete


def _on_delete(sender, instance, **kwargs) -> None:
    from goglobal.search.registry import source_for_model
    from goglobal.search.services import search_index_dependants, search_unindex

    source = source_for_model(sender)
    if source is not None:
        search_unindex(kind=source.kind, ids=[instance.pk])
        search_index_dependants(source, instance)


def connect(model) -> None:
    post_delete.connect(
        _on_delete, sender=model, dispatch_uid=f"search-unindex-{model._meta.label}"
    )
