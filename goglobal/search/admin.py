"""The admin is for inspection and repair, and saving there bypasses the services: a ModelAdmin
of a searchable record (or of one whose text other entries include) mixes this in, so a repair
made there is found at once, as a service's change would be. Deletes are caught by the search's
receivers already (upkeep.py)."""

from goglobal.search.services import search_index_record


class KeepsSearchInStep:
    def save_related(self, request, form, formsets, change):
        # After the many-to-many fields and inlines are saved: the entry lists them.
        super().save_related(request, form, formsets, change)
        search_index_record(form.instance)
