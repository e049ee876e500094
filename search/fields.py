from django.db import models
from django.db.models import Lookup


class SearchVectorField(models.TextField):
    """A tsvector on PostgreSQL, its literal text elsewhere (see search.tokens.build_vector)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"

    def formfield(self, **kwargs):
        return None


@SearchVectorField.register_lookup
class MatchesTSQuery(Lookup):
    """search_vector__matches="'nghi' & 'quyet'" (PostgreSQL only)."""

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        # Cast, not to_tsquery(): the terms are already tokens (see search.backends.ToTSQuery).
        return f"{lhs} @@ ({rhs})::tsquery", (*lhs_params, *rhs_params)


@SearchVectorField.register_lookup
class Like(Lookup):
    """search_vector__like="%'term':_A%": a LIKE pattern used as given (SQLite ranking)."""

    lookup_name = "like"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} LIKE {rhs}", (*lhs_params, *rhs_params)
