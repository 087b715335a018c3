"""kospitl: a SQLite timeline of Korean stock-market facts built from news articles.

The library is the product; ``kospitl.cli`` is a thin skin over it. Entry points:
``kospitl.db.open_db`` and ``kospitl.ingest.ingest_paths``.
"""
__version__ = "0.1.0"
