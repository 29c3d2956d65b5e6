"""goglobal token create USERNAME [--name NAME] | goglobal token list USERNAME"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from goglobal.accounts.models import ApiToken, User
from goglobal.accounts.services import token_create


class Command(BaseCommand):
    help = "Creates or lists a user's personal access tokens for the API (Bearer tokens)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create a token and print it (shown once).")
        create.add_argument("username")
        create.add_argument("--name", default="command line")
        listing = actions.add_parser("list", help="List a user's tokens (never their values).")
        listing.add_argument("username")

    def _user(self, username: str) -> User:
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist as exc:
            raise CommandError(f"No user called {username!r}.") from exc

    def handle(self, *args, action: str, username: str, **options):
        user = self._user(username)
        if action == "list":
            for token in ApiToken.objects.filter(user=user).order_by("created_at", "id"):
                state = "revoked" if token.revoked_at else "active"
                used = token.last_used_at.isoformat() if token.last_used_at else "never"
                self.stdout.write(f"{token.hint}…  {token.name}  {state}  last used: {used}")
            return
        try:
            _token, raw = token_create(user=user, name=options["name"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from exc
        # The raw value alone on stdout, so that scripts can capture it; the hint goes to stderr.
        self.stdout.write(raw)
        if options["verbosity"] > 1:
            self.stderr.write(f"Send it as: Authorization: Bearer {raw[:8]}…")
