"""Packing staff lose « view order » in the admin: it showed totals, prices and customers' emails to a
role that promises none. They pack from the cockpit's screens, which show the shipping address only."""

from django.db import migrations

GROUP = "Préparation des colis"


def drop_view_order(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="orders", codename="view_order").first()
    group = Group.objects.filter(name=GROUP).first()
    if permission is not None and group is not None:
        group.permissions.remove(permission)


def give_view_order_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="orders", codename="view_order").first()
    group = Group.objects.filter(name=GROUP).first()
    if permission is not None and group is not None:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("fulfillment", "0004_shipments")]

    operations = [migrations.RunPython(drop_view_order, give_view_order_back)]
