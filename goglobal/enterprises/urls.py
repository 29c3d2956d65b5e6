from django.urls import path

from goglobal.enterprises.views import contacts, declarations, records, registry

app_name = "enterprises"

urlpatterns = [
    path("", registry.enterprise_list, name="list"),
    path("new/", registry.enterprise_create, name="create"),
    path("declarations/", declarations.declaration_list, name="declaration-list"),
    path(
        "declarations/by-country/",
        declarations.declaration_aggregate,
        name="declaration-aggregate",
    ),
    path("<int:pk>/", registry.enterprise_detail, name="detail"),
    path("<int:pk>/edit/", registry.enterprise_edit, name="edit"),
    path("<int:pk>/products/", registry.tab_view("products"), name="products"),
    path("<int:pk>/presence/", registry.tab_view("presence"), name="presence"),
    path("<int:pk>/declarations/", registry.tab_view("declarations"), name="declarations"),
    path("<int:pk>/contacts/", registry.tab_view("contacts"), name="contacts"),
    path("<int:pk>/history/", registry.tab_view("history"), name="history"),
    path("<int:pk>/products/new/", records.product_create, name="product-create"),
    path("<int:pk>/products/<int:product_pk>/edit/", records.product_edit, name="product-edit"),
    path("<int:pk>/presence/new/", records.presence_create, name="presence-create"),
    path("<int:pk>/presence/<int:presence_pk>/edit/", records.presence_edit, name="presence-edit"),
    path(
        "<int:pk>/presence/<int:presence_pk>/delete/",
        records.presence_delete,
        name="presence-delete",
    ),
    path("<int:pk>/contacts/new/", contacts.contact_create, name="contact-create"),
    path("<int:pk>/contacts/<int:contact_pk>/", contacts.contact_detail, name="contact"),
    path(
        "<int:pk>/contacts/<int:contact_pk>/consents/",
        contacts.consent_record,
        name="consent-record",
    ),
    path(
        "<int:pk>/contacts/<int:contact_pk>/consents/<int:consent_pk>/withdraw/",
        contacts.consent_withdraw,
        name="consent-withdraw",
    ),
    path("<int:pk>/declarations/new/", declarations.declaration_create, name="declaration-create"),
    path(
        "<int:pk>/declarations/<int:declaration_pk>/",
        declarations.declaration_detail,
        name="declaration",
    ),
    path(
        "<int:pk>/declarations/<int:declaration_pk>/edit/",
        declarations.declaration_edit,
        name="declaration-edit",
    ),
    path(
        "<int:pk>/declarations/<int:declaration_pk>/submit/",
        declarations.declaration_submit,
        name="declaration-submit",
    ),
    path(
        "<int:pk>/declarations/<int:declaration_pk>/accept/",
        declarations.declaration_accept,
        name="declaration-accept",
    ),
    path(
        "<int:pk>/declarations/<int:declaration_pk>/return/",
        declarations.declaration_return,
        name="declaration-return",
    ),
]
