from django.db import migrations

from search.migration_ops import gin_index


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [
        gin_index("articles.Article", "article_search_gin"),
        gin_index("articles.Event", "event_search_gin"),
        gin_index("articles.Participant", "participant_search_gin"),
        gin_index("articles.Resolution", "resolution_search_gin"),
    ]
