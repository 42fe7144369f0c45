from django.db import migrations
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_tags(apps, schema_editor):
    # Live posts per tag for existing databases; from here on publishing keeps
    # the counts (posts.models.refresh_tag_counts, which also leaves out
    # posts behind a view restriction).
    BlogTag = apps.get_model("posts", "BlogTag")
    TaggedPost = apps.get_model("posts", "TaggedPost")
    counted = (
        TaggedPost.objects.filter(tag_id=OuterRef("pk"), content_object__live=True)
        .order_by()
        .values("tag_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    BlogTag.objects.update(post_count=Coalesce(Subquery(counted), 0))


class Migration(migrations.Migration):
    dependencies = [("posts", "0002_tag_counts_date_index")]

    operations = [migrations.RunPython(count_tags, migrations.RunPython.noop)]
