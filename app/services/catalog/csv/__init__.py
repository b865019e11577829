"""Bulk listing: the catalog CSV format (../shared/formats/catalog-csv.md).

One code path for the portal upload and `flask catalog import`: `reader` reads a file into
rows, `plan` checks the whole file against the catalog rules and the vendor's catalog,
`apply` writes a plan through the one catalog writer, `export` writes the format back out.
A file with any error changes nothing; applying the same file twice changes nothing the second
time.
"""

from app.services.catalog.csv.apply import apply
from app.services.catalog.csv.columns import COLUMNS, MAX_BYTES, MAX_ROWS
from app.services.catalog.csv.export import export, template
from app.services.catalog.csv.plan import Plan, plan
from app.services.catalog.csv.reader import RowError
from app.services.errors import ImportFailed

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "MAX_ROWS",
    "ImportFailed",
    "Plan",
    "RowError",
    "apply",
    "export",
    "plan",
    "template",
]
