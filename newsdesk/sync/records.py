"""The newsroom repository's layout (DESIGN §11): which file holds which record, and
each record as text and back. Pure: no git, no SQL. Records are rows as the store
keeps them, with JSON columns decoded; a None field is left out of the text."""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass

import tomli_w

from newsdesk.errors import NewsdeskError
from newsdesk.settings import seat_settings
from newsdesk.store.assets import extension

FORMAT = 1  # newsroom.toml's format: a seat refuses a repository written by a newer one


class BadRecord(NewsdeskError):
    """A file of the repository that cannot be read as its record."""


@dataclass(frozen=True)
class TableFile:
    """A small table kept whole in one file (or one file a row, `per_row` naming the
    column the file is called by), merged row by row, keyed by `key`."""
    path: str                       # file, or folder when per_row
    table: str
    key: tuple[str, ...]
    json: tuple[str, ...] = ()      # columns stored as JSON text in the database
    where: tuple[str, str] | None = None   # (column, value): the file holds these rows
    per_row: str | None = None
    tsv: tuple[str, ...] = ()       # a list as tab-separated lines, these columns
    seat: tuple[str, ...] = ()      # keys of rows each seat keeps for itself
    admin: bool = False             # the outlet's own: the file travels signed by an admin
    whole: bool = False             # a row carries its own signature: it merges whole

    def shared(self, rows: list[dict]) -> list[dict]:
        """The rows that travel (not a seat's own)."""
        return [r for r in rows if r[self.key[0]] not in self.seat] if self.seat else rows

    def file_of(self, row: dict) -> str:
        return f"{self.path}/{row[self.per_row]}.toml" if self.per_row else self.path

    def holds(self, path: str) -> bool:
        return (path.startswith(self.path + "/") and path.endswith(".toml")
                if self.per_row else path == self.path)


_STAMPS = ("created_at", "updated_at", "updated_by")
_LIST = ("position", "key", "value", "note", *_STAMPS)

TABLES = (
    TableFile("users", "users", ("id",), json=("roles", "public_keys"), per_row="username",
              whole=True),
    TableFile("channels.toml", "channels", ("id",), admin=True),
    TableFile("topics.toml", "topics", ("id",), admin=True),
    TableFile("site.toml", "site", ("key",), json=("value",), seat=seat_settings(),
              admin=True),
    TableFile("lists/words.tsv", "word_terms", ("term",),
              tsv=("term", "level", "category", "replacement", "id", *_STAMPS), admin=True),
    TableFile("lists/names.tsv", "check_lists", ("key",), where=("kind", "names"), tsv=_LIST,
              admin=True),
    TableFile("lists/confusions.tsv", "check_lists", ("key",),
              where=("kind", "confusions"), tsv=_LIST, admin=True),
    TableFile("lists/traditional.tsv", "check_lists", ("key",),
              where=("kind", "traditional"), tsv=_LIST, admin=True),
    TableFile("conflicts", "sync_conflicts", ("id",), per_row="id"),
)


def table_of(path: str) -> TableFile | None:
    return next((t for t in TABLES if t.holds(path)), None)


# An admin's signature of one of the outlet's files (settings, channels, topics, lists)
# travels beside it: the file's path with ".sig".
SIG = ".sig"


def signed_file(path: str) -> str | None:
    """The file a .sig path signs, else None."""
    return path[:-len(SIG)] if path.endswith(SIG) else None


def sig_text(signed_by: str, signed_at: str, signature: str) -> bytes:
    return _toml({"signed_by": signed_by, "signed_at": signed_at, "signature": signature})


def sig_record(text: bytes | None, path: str) -> dict:
    return _read_toml(text, path) if text else {}


# ---- TOML ---------------------------------------------------------------------------
def _clean(row: dict) -> dict:
    return {k: v for k, v in row.items() if v is not None}


# TOML has no null: a JSON column's value holding one (a correction not yet dated) is
# written as JSON behind this prefix, and so is a string that happens to start with it,
# so every value reads back exactly.
_AS_JSON = "json:"


def _has_none(value) -> bool:
    if value is None:
        return True
    if isinstance(value, dict):
        return any(_has_none(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_none(v) for v in value)
    return False


def _wrapped(row: dict, columns) -> dict:
    out = dict(row)
    for c in columns:
        v = out.get(c)
        if v is not None and (_has_none(v) or (isinstance(v, str) and v.startswith(_AS_JSON))):
            out[c] = _AS_JSON + json.dumps(v, ensure_ascii=False)
    return out


def _unwrapped(row: dict, columns) -> dict:
    out = dict(row)
    for c in columns:
        v = out.get(c)
        if isinstance(v, str) and v.startswith(_AS_JSON):
            out[c] = json.loads(v[len(_AS_JSON):])
    return out


def _toml(data: dict) -> bytes:
    try:
        return tomli_w.dumps(data).encode("utf-8")  # escaped newlines read back exactly
    except TypeError as e:  # a None deep in a JSON column
        raise BadRecord("a record cannot be written as TOML: {e}", e=str(e)) from None


def _read_toml(text: bytes, path: str) -> dict:
    try:
        return tomllib.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise BadRecord("{path} is not readable TOML: {e}", path=path, e=str(e)) from None


# ---- small tables -------------------------------------------------------------------
def _tsv_field(value) -> str:
    text = "" if value is None else str(value)
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def _tsv_value(text: str):
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"t": "\t", "n": "\n", "r": "\r"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def table_text(spec: TableFile, rows: list[dict]) -> bytes:
    """The file of these rows (sorted by key, so the text does not move around)."""
    rows = sorted(rows, key=lambda r: [str(r[k]) for k in spec.key])
    if spec.tsv:
        lines = ["\t".join(spec.tsv)] + ["\t".join(_tsv_field(r.get(c)) for c in spec.tsv)
                                        for r in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    rows = [_clean(_wrapped(r, spec.json)) for r in rows]
    return _toml(rows[0]) if spec.per_row else _toml({spec.table: rows})


def table_rows(spec: TableFile, text: bytes, path: str) -> list[dict]:
    if spec.tsv:
        lines = text.decode("utf-8").split("\n")[:-1]  # each line ends with one
        if not lines or lines[0].split("\t") != list(spec.tsv):
            raise BadRecord("{path}: the first line is not the expected columns", path=path)
        rows = []
        for line in lines[1:]:
            values = [_tsv_value(v) for v in line.split("\t")]
            row = dict(zip(spec.tsv, values + [""] * (len(spec.tsv) - len(values))))
            if "position" in row:
                row["position"] = int(row["position"] or 0)
            row["updated_by"] = row["updated_by"] or None
            rows.append(row)
        return rows
    data = _read_toml(text, path)
    rows = [data] if spec.per_row else list(data.get(spec.table, []))
    return [_unwrapped(r, spec.json) for r in rows]


# ---- stories --------------------------------------------------------------------------
STORY_JSON = ("reporters", "tags", "corrections", "topics")
_FENCE = "+++\n"


def story_dir(article_id: str, created_at: str) -> str:
    """stories/yyyy/mm/dd: the creation day, so the path never moves."""
    return f"stories/{created_at[:4]}/{created_at[5:7]}/{created_at[8:10]}"


# A story's files: its text, and as JSON lines its review events, its revisions, the
# 机审 findings an editor accepted (with why) and the 机审 report of each submitted
# revision.
STORY_FILES = {"story": ".md", "events": ".events.jsonl", "revisions": ".revisions.jsonl",
               "accepted": ".accepted.jsonl", "reports": ".reports.jsonl"}


def story_paths(article_id: str, created_at: str) -> dict[str, str]:
    """kind → path of each of a story's files."""
    base = f"{story_dir(article_id, created_at)}/{article_id}"
    return {kind: base + suffix for kind, suffix in STORY_FILES.items()}


def story_kind(path: str) -> str | None:
    """Which of a story's files a path under stories/ is, else None."""
    if not path.startswith("stories/"):
        return None
    suffix = "." + path.rsplit("/", 1)[1].split(".", 1)[-1]
    return next((kind for kind, s in STORY_FILES.items() if s == suffix), None)


def story_id(path: str) -> str:
    return path.rsplit("/", 1)[1].split(".", 1)[0]


def story_base(path: str) -> str:
    """stories/…/<id> of any of a story's files."""
    return path.rsplit("/", 1)[0] + "/" + story_id(path)


def record_of(path: str) -> str:
    """The record a file belongs to: a story for any of its files, a picture for its
    bytes and its .toml, a shared file for itself and its .sig."""
    if story_kind(path):
        return story_base(path)
    if path.startswith("assets/"):
        return path.rsplit(".", 1)[0]
    return path.removesuffix(SIG)


def story_text(fields: dict, body: str) -> bytes:
    """TOML front matter between +++ lines, then the markdown body."""
    front = _toml(_clean(_wrapped(fields, STORY_JSON))).decode("utf-8")
    return (_FENCE + front + _FENCE + body).encode("utf-8")


def story_record(text: bytes, path: str) -> tuple[dict, str]:
    """(front matter fields, body)."""
    content = text.decode("utf-8", errors="strict")
    if not content.startswith(_FENCE) or f"\n{_FENCE}" not in content[len(_FENCE) - 1:]:
        raise BadRecord("{path}: no +++ front matter", path=path)
    end = content.index("\n" + _FENCE, len(_FENCE) - 1)
    front = content[len(_FENCE):end + 1]
    return (_unwrapped(_read_toml(front.encode("utf-8"), path), STORY_JSON),
            content[end + 1 + len(_FENCE):])


def lines_text(records: list[dict]) -> bytes:
    """JSON lines (events, revisions): one record a line, in order."""
    return "".join(json.dumps(_clean(r), ensure_ascii=False) + "\n"
                   for r in records).encode("utf-8")


def lines_records(text: bytes, path: str) -> list[dict]:
    try:
        return [json.loads(line) for line in text.decode("utf-8").splitlines() if line]
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BadRecord("{path} is not readable JSON lines: {e}", path=path,
                        e=str(e)) from None


# ---- assets ---------------------------------------------------------------------------
ASSET = TableFile("assets", "assets", ("id",), per_row="id")


def asset_paths(asset_id: str, ext: str) -> tuple[str, str]:
    """(the bytes, what the store knows of them: its .toml), content-addressed: two
    seats adding the same picture write the same files, so they never conflict."""
    base = f"assets/{asset_id[:2]}/{asset_id}"
    return base + ext, base + ".toml"


def asset_ext(filename: str) -> str:
    return extension(filename) or ".bin"


def is_asset_record(path: str) -> bool:
    return path.startswith("assets/") and path.endswith(".toml")


# ---- the newsroom ----------------------------------------------------------------------
NEWSROOM = "newsroom.toml"


def admins_only(path: str) -> bool:
    """A file only admins change, travelling with a .sig: the newsroom's own settings
    (who publishes, the founder's key) and the outlet's files."""
    spec = table_of(path)
    return path == NEWSROOM or (spec is not None and spec.admin)


def newsroom_text(info: dict) -> bytes:
    return _toml(_clean(info))


def newsroom_info(text: bytes) -> dict:
    return _read_toml(text, NEWSROOM)


def identity(account: dict) -> dict:
    """An account as a conflict shows it: who, and what they may do — never its keys or
    password hash, which a conflict would carry to every seat and show."""
    return {k: account.get(k) for k in ("username", "real_name", "roles", "active")}
