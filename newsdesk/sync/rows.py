"""A seat's records as the repository's files and back: a story's three files from
its rows, a story from a tree, an Article made from it, the shared tables as files."""
from __future__ import annotations

from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, refuse_control_characters
from newsdesk.store import Store
from newsdesk.store.syncing import StoryRows
from newsdesk.sync import records as rec
from newsdesk.sync.gitstore import GitStore


LINES = ("events", "revisions", "accepted", "reports")  # a story's JSON-lines files


def story_files(s: StoryRows) -> dict[str, bytes | None]:
    """path → text of each of a story's files (None: it has nothing there)."""
    fields = dict(s.fields)
    body = fields.pop("body")
    paths = rec.story_paths(fields["id"], fields["created_at"])
    out = {paths["story"]: rec.story_text(fields | {"topics": s.topics}, body)}
    for kind in LINES:
        rows = [{k: v for k, v in r.items() if k != "article_id"} for r in getattr(s, kind)]
        out[paths[kind]] = rec.lines_text(rows) if rows else None
    return out


def story_rows(git: GitStore, tree, md_path: str, files: dict | None = None
               ) -> StoryRows | None:
    """A story as the tree holds it (None if it is not there). files: path → blob id
    of every file in the tree, when known (a seat joining reads blobs by id, not by
    path: five path lookups a story cost a sixth of a 100,000-story join)."""
    read = (lambda path: git.blob(files[path]) if path in files else None) \
        if files is not None else (lambda path: git.read(tree, path))
    text = read(md_path)
    if text is None:
        return None
    fields, body = rec.story_record(text, md_path)
    try:  # what the app refuses to save, it refuses to take from another seat
        refuse_control_characters(fields | {"body": body})
    except NewsdeskError as e:
        raise rec.BadRecord("{path}: {problem}", path=md_path, problem=str(e)) from None
    base = md_path[:-3]
    lines = {kind: read(base + rec.STORY_FILES[kind]) for kind in LINES}
    topics = fields.pop("topics", [])
    return StoryRows(fields | {"body": body}, topics,
                     **{kind: rec.lines_records(data, md_path) if data else []
                        for kind, data in lines.items()})


def article_of(store: Store, s: StoryRows, render: bool = True) -> Article:
    """The story as an Article: its body rendered here, or left for this seat to render
    when it is first shown, edited or exported (render=False: a seat joining)."""
    known = Article.__dataclass_fields__
    article = Article(**{k: v for k, v in s.fields.items() if k in known},
                      topics=list(s.topics))
    # Two seats' revisions of one number are both kept, the later renumbered past the
    # rest (merge_revisions): the story's number follows, so its next one is new.
    article.revision = max([article.revision or 0, *(r["number"] for r in s.revisions)])
    if render:
        store.articles.render(article)
    return article


def table_files(store: Store, git: GitStore, tree) -> dict[str, bytes | None]:
    """Every small table as its files; per-row files whose row is gone map to None."""
    out: dict[str, bytes | None] = {}
    for spec in rec.TABLES:
        rows = spec.shared(store.syncing.rows_of(spec.table, spec.json, spec.where))
        if spec.per_row:
            mine = {spec.file_of(r): rec.table_text(spec, [r]) for r in rows}
            there = git.subtree_files(tree, spec.path)
            out |= mine | {p: None for p in there if p not in mine}
        elif rows or git.read(tree, spec.path) is not None:
            out[spec.path] = rec.table_text(spec, rows)
    return out

def front(s: StoryRows) -> tuple[dict, str]:
    fields = dict(s.fields)
    body = fields.pop("body")
    return fields | {"topics": s.topics}, body


def rows_at(git: GitStore, spec: rec.TableFile, tree, path: str) -> list[dict]:
    data = git.read(tree, path)
    return rec.table_rows(spec, data, path) if data is not None else []


def canon(spec: rec.TableFile, rows: list[dict]) -> bytes:
    """Rows as their file's text, to compare two sets of rows."""
    return rec.table_text(spec, rows) if rows else b""

