"""SQLModel table classes, nothing else. The schema itself is created by Alembic.

Dates are ISO text, times ISO-8601 text with +09:00, values REAL in base units (the views
show won amounts as integers). No STRICT tables and no generated columns, so DB Browser for
SQLite 3.12 opens the file.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, MetaData, UniqueConstraint, text
from sqlmodel import Field, SQLModel

# Must be set before any model is defined, so every constraint has a name batch mode can drop.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


class Article(SQLModel, table=True):
    """One row per distinct article text (identified by its content hash)."""

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True, description="sha256 of the normalised text")
    source_path: str = Field(description="file the text was read from")
    publisher: str | None = None
    title: str | None = Field(default=None, description="headline, HTML entities unescaped")
    published_at: str | None = Field(default=None, description="publication time, ISO +09:00")
    doc_date: str | None = Field(default=None, description="the article's own date (KST)")
    date_source: str | None = Field(default=None, description="where doc_date came from")
    session_date: str | None = Field(default=None, index=True,
                                     description="the trading session the article reports on")
    version_tag: str | None = Field(default=None, description="(URGENT), (LEAD), (2nd LD)...")
    attn: str | None = Field(default=None, description="Yonhap ATTN note")
    credit: str | None = Field(default=None, description="syndication credit, e.g. Yonhap")
    source_kind: str = Field(default="daily", description="wire, daily, aggregator or digest")
    fingerprint: str | None = Field(default=None, description="MinHash of the body, for near-duplicates")
    witness: str | None = Field(default=None, index=True,
                                description="independent witness: story chain or original of a copy")
    given_date: str | None = Field(default=None, description="date supplied with --date")
    text: str = Field(description="the raw text, kept for re-processing")
    ingested_at: str


class Observation(SQLModel, table=True):
    """Every figure as one article stated it."""

    __table_args__ = (Index("ix_observation_key", "date", "kind", "subject", "metric", "as_of"),
                      Index("ix_observation_subject_date", "subject", "date"),
                      # only the observations that lost a vote: what `kospitl conflicts` lists
                      Index("ix_observation_lost", "date", "kind", "subject", "metric", "as_of",
                            sqlite_where=text("status = 'lost'")))

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=Column(
        Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True))
    date: str
    kind: str
    subject: str
    metric: str
    as_of: str
    value: float
    approx: bool = False
    precision: float = Field(default=1.0, description="value of the last digit stated (0.01, 1e9...)")
    evidence: str
    line: int
    start: int = Field(description="character offset of the figure in the article text")
    end: int
    rule: str = Field(description="the extraction rule that matched")
    date_rule: str = Field(description="how the date was resolved")
    status: str = Field(default="kept", description="kept, lost, superseded or copy")
    note: str | None = None


class Problem(SQLModel, table=True):
    """What kospitl could not resolve: reported, never guessed."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=True, index=True))
    source_path: str
    line: int | None = None
    severity: str = "warning"
    code: str
    message: str
    evidence: str = ""


class Fact(SQLModel, table=True):
    """The reconciled timeline: one row per (date, kind, subject, metric, as_of)."""

    __table_args__ = (UniqueConstraint("date", "kind", "subject", "metric", "as_of"),
                      Index("ix_fact_subject", "kind", "subject", "date"),
                      # the key, then the rest of the row: a subject's timeline is read from the index alone
                      Index("ix_fact_subject_key", "subject", "date", "kind", "metric", "as_of",
                            "value", "status", "sources", "articles", "why"))

    id: int | None = Field(default=None, primary_key=True)
    date: str
    kind: str
    subject: str
    metric: str
    as_of: str
    value: float
    status: str
    sources: int = Field(description="independent witnesses backing the value")
    articles: int = Field(description="articles stating the value")
    why: str | None = None


class TradingDay(SQLModel, table=True):
    """The KRX calendar the resolver used."""

    __tablename__ = "trading_day"

    date: str = Field(primary_key=True)
    is_session: bool
    note: str | None = None


class Ticker(SQLModel, table=True):
    """KRX listings the quote rules know by name."""

    code: str = Field(primary_key=True)
    name_en: str
    name_ko: str | None = None
    market: str | None = None
    aliases: str | None = Field(default=None, description="other names, separated by |")


class ColumnInfo(SQLModel, table=True):
    """The column dictionary: what every column of every table and view means, and its unit."""

    __tablename__ = "column_info"

    table_name: str = Field(primary_key=True)
    column_name: str = Field(primary_key=True)
    description: str
    unit: str | None = None


class SketchHash(SQLModel, table=True):
    """The near-duplicate index: each hash of an article's fingerprint, under its session, so
    the articles that share enough of them are found by a few lookups (kospitl.witness)."""

    __tablename__ = "sketch_hash"

    session_date: str = Field(primary_key=True, description="the trading session the article reports on")
    hash: int = Field(primary_key=True, description="one of the 32 smallest word 5-gram hashes of the body")
    article_id: int = Field(sa_column=Column(
        Integer, ForeignKey("article.id", ondelete="CASCADE"), primary_key=True, index=True))


_BIG = Integer().with_variant(BigInteger(), "postgresql")  # nanoseconds and inode numbers: 64 bits


class FileRead(SQLModel, table=True):
    """The files an ingest read: what ``stat`` showed of each and the article it holds, so a
    re-ingest of an unchanged file costs a ``stat`` and a look-up (kospitl.ingest)."""

    __tablename__ = "file_read"

    path: str = Field(primary_key=True, description="the file's absolute path")
    size: int = Field(sa_column=Column(_BIG, nullable=False))
    mtime_ns: int = Field(sa_column=Column(_BIG, nullable=False))
    ctime_ns: int = Field(sa_column=Column(_BIG, nullable=False))
    inode: int = Field(sa_column=Column(_BIG, nullable=False))
    content_hash: str = Field(description="sha256 of the normalised text (article.content_hash)")
    read_at_ns: int = Field(sa_column=Column(_BIG, nullable=False))


class Unsettled(SQLModel, table=True):
    """The articles whose timeline keys an ingest stored rows for and settles at its end, not
    with their batch (kospitl.pending): empty but while an ingest runs, or after one was
    interrupted (the next command to open the database settles them)."""

    __tablename__ = "unsettled"

    id: int | None = Field(default=None, primary_key=True, description="the order the articles were marked in")
    article_id: int = Field(sa_column=Column(
        Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True))
    ingest: str = Field(description="the ingest that marked it: host:pid")
