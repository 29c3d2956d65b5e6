"""goglobal search rebuild [--kind KIND ...] | goglobal search query TEXT"""

from django.core.management.base import BaseCommand, CommandError

from goglobal.search.registry import sources
from goglobal.search.selectors import search_for_user
from goglobal.search.services import search_rebuild


class Command(BaseCommand):
    help = "Rebuilds the search index from the records, or runs a query as the public sees it."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        rebuild = actions.add_parser("rebuild", help="Rewrite the index from the records.")
        rebuild.add_argument("--kind", action="append", help="Only this kind (repeatable).")
        query = actions.add_parser("query", help="Search as the anonymous public.")
        query.add_argument("text")

    def handle(self, *args, action: str, **options):
        if action == "rebuild":
            known = {source.kind for source in sources()}
            unknown = set(options["kind"] or []) - known
            if unknown:
                raise CommandError(
                    f"Unknown kind: {', '.join(sorted(unknown))}. Kinds: {', '.join(sorted(known))}."
                )
            counts = search_rebuild(kinds=options["kind"])
            seconds = counts.pop("seconds")
            summary = ", ".join(f"{kind} {count:,}" for kind, count in counts.items())
            self.stdout.write(f"Indexed {summary} in {seconds} s.")
            return
        from django.contrib.auth.models import AnonymousUser

        result = search_for_user(AnonymousUser(), options["text"])
        self.stdout.write(f"{result.count:,} results")
        for hit in result.items:
            self.stdout.write(f"  {hit.kind:12} {hit.title} — {hit.subtitle}")
