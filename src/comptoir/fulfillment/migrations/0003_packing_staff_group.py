"""The « Préparation des colis » group: staff who pack and ship, and see nothing else."""

from django.db import migrations

GROUP = "Préparation des colis"
PERMISSIONS = [
    ("fulfillment", "add_batch"),
    ("fulfillment", "view_batch"),
    ("fulfillment", "add_packingcheck"),
    ("fulfillment", "change_packingcheck"),
    ("orders", "view_order"),
]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("fulfillment", "0002_packing_check"),
        ("orders", "0003_discount_and_note"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
