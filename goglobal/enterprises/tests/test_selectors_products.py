"""product_visible_for_user, the search's product selector, against product_list_for_user, the
rule the registry's pages and API apply: the products of the enterprises the user may see."""

import pytest
from django.contrib.auth.models import AnonymousUser

from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.selectors import product_list_for_user, product_visible_for_user

pytestmark = pytest.mark.django_db


def _ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


def test_the_search_sees_the_products_the_registry_shows_for_every_role(shared_world):
    users = {**shared_world.users, "anonymous": AnonymousUser()}
    for name, user in users.items():
        visible = product_visible_for_user(user)
        assert _ids(visible) == _ids(product_list_for_user(user)), name
        assert visible.count() == len(_ids(visible)), name  # no product twice
    # Not allowed: the inactive enterprise's product is hidden from the public and others.
    assert shared_world.product_c.pk not in _ids(product_visible_for_user(AnonymousUser()))
    assert shared_world.product_c.pk in _ids(product_visible_for_user(users["programme_officer"]))


def test_a_representative_sees_the_products_of_their_own_inactive_enterprise(shared_world):
    world = shared_world
    Enterprise.objects.filter(pk=world.ent_a.pk).update(status="inactive")
    rep = world.users["enterprise_rep"]
    assert _ids(product_visible_for_user(rep)) == _ids(product_list_for_user(rep))
    assert world.product_a.pk in _ids(product_visible_for_user(rep))
    assert world.product_c.pk not in _ids(product_visible_for_user(rep))
    assert world.product_a.pk not in _ids(product_visible_for_user(world.users["partner_rep"]))
