"""Schema steps, one function each, applied in order. Never edit a step once shipped:
add a new one. STEPS lists every step this version knows, so a database that has
applied a step not in it was written by a newer Newsdesk."""
from __future__ import annotations

import hashlib

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsdesk")
STEPS: list[str] = []


def step(fn):
    STEPS.append(fn.__name__)
    return migrations()(fn)


# Every row a later sync will carry has a text id and created/updated stamps.
_SYNCED = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT"

_INITIAL = [
    f"""CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        real_name TEXT NOT NULL,
        roles TEXT NOT NULL DEFAULT '[]',
        password_hash TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        {_SYNCED})""",
    f"""CREATE TABLE channels (
        id TEXT PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        parent_id TEXT REFERENCES channels(id),
        position INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL DEFAULT 'list' CHECK (kind IN ('list', 'link')),
        url TEXT,
        {_SYNCED})""",
    f"""CREATE TABLE topics (
        id TEXT PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        {_SYNCED})""",
    """CREATE TABLE site (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT)""",
    f"""CREATE TABLE assets (
        id TEXT PRIMARY KEY,              -- sha256 of the bytes
        filename TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        data BLOB NOT NULL,
        {_SYNCED})""",
    f"""CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        channel_id TEXT REFERENCES channels(id),
        kicker TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        subtitle TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        body_html TEXT,
        renderer_version TEXT,
        origin TEXT NOT NULL DEFAULT 'original' CHECK (origin IN ('original', 'reprint')),
        source TEXT NOT NULL DEFAULT '',
        original_title TEXT NOT NULL DEFAULT '',
        original_author TEXT NOT NULL DEFAULT '',
        reporters TEXT NOT NULL DEFAULT '[]',
        editor_id TEXT REFERENCES users(id),
        author_id TEXT REFERENCES users(id),
        last_editor_id TEXT REFERENCES users(id),   -- who last changed the content
        submitted_at TEXT,                          -- the latest submission
        live_revision INTEGER,                      -- the revision on the public site
        state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted',
            'in_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn')),
        review_stage INTEGER,
        publish_at TEXT,
        first_published_at TEXT,
        number INTEGER UNIQUE,
        public_path TEXT UNIQUE,
        tags TEXT NOT NULL DEFAULT '[]',
        cover_asset_id TEXT REFERENCES assets(id),
        pinned INTEGER NOT NULL DEFAULT 0,
        weight INTEGER NOT NULL DEFAULT 0,
        corrections TEXT NOT NULL DEFAULT '[]',
        revision INTEGER NOT NULL DEFAULT 0,
        edits INTEGER NOT NULL DEFAULT 0,           -- counts saves: stale-save detection
        {_SYNCED})""",
    "CREATE INDEX articles_state ON articles(state, publish_at)",
    "CREATE INDEX articles_channel ON articles(channel_id, first_published_at)",
    "CREATE INDEX articles_updated ON articles(updated_at)",
    "CREATE INDEX articles_published ON articles(first_published_at)",
    # Covers what the export reads of every live story, in list order, so planning a
    # 100,000-story site never touches the wide rows with their bodies.
    "CREATE INDEX articles_live ON articles(first_published_at DESC, id, live_revision, "
    "state, public_path, title, kicker, summary, channel_id, updated_at, pinned, weight, "
    "revision)",
    # The story lists' order (Articles.ids), so 100,000 ids come back pre-sorted.
    "CREATE INDEX articles_newest ON articles("
    "COALESCE(first_published_at, publish_at, updated_at) DESC, id)",
    "CREATE INDEX articles_author ON articles(author_id, state)",
    "CREATE INDEX articles_queue ON articles(state, review_stage, submitted_at)",
    """CREATE TABLE article_topics (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        topic_id TEXT NOT NULL REFERENCES topics(id),
        PRIMARY KEY (article_id, topic_id))""",
    f"""CREATE TABLE revisions (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        content TEXT NOT NULL,            -- JSON snapshot of the content fields
        reason TEXT NOT NULL,
        {_SYNCED},
        UNIQUE (article_id, number))""",
    # Append-only; hash chains the rows of one article, so stories merge independently.
    f"""CREATE TABLE review_events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        stage INTEGER,
        revision INTEGER,
        actor_id TEXT REFERENCES users(id),
        at TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{{}}',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        {_SYNCED},
        UNIQUE (article_id, seq))""",
    """CREATE TABLE page_views (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        views INTEGER NOT NULL,
        PRIMARY KEY (article_id, day))""",
    # input_key: a digest of everything a page is made from, so an incremental export
    # skips rendering pages whose inputs did not change.
    """CREATE TABLE export_state (
        out_dir TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        input_key TEXT NOT NULL,
        written_at TEXT NOT NULL,
        PRIMARY KEY (out_dir, path))""",
    # What was on the web host after the last upload (export --mark-uploaded), so the
    # next upload carries only what changed since.
    """CREATE TABLE uploaded_state (
        out_dir TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (out_dir, path))""",
    # Access logs already counted into page_views (by content digest), so a log
    # imported twice is not counted twice.
    """CREATE TABLE view_logs (
        sha256 TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        hits INTEGER NOT NULL,
        imported_at TEXT NOT NULL)""",
    # 机审 word lists kept by the outlet: banned terms block submission, cautioned warn.
    f"""CREATE TABLE word_terms (
        id TEXT PRIMARY KEY,
        term TEXT NOT NULL UNIQUE,
        level TEXT NOT NULL CHECK (level IN ('block', 'warn')),
        category TEXT NOT NULL DEFAULT '',
        replacement TEXT NOT NULL DEFAULT '',
        {_SYNCED})""",
    # A finding an editor accepted, with why: matched by rule, field and text, so it
    # stays accepted while the story is edited around it.
    f"""CREATE TABLE check_acceptances (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        field TEXT NOT NULL,
        text TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        {_SYNCED},
        UNIQUE (article_id, rule, field, text))""",
    # The checks report that travelled with a submitted revision.
    """CREATE TABLE check_reports (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        report TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (article_id, revision))""",
    # Local search index, rebuilt from articles, never synced. The integer key keeps
    # the FTS rowid stable across VACUUM, which the articles' implicit rowid is not.
    # date (first publication, else last edit) lets results sort newest first without
    # touching the wide articles rows.
    """CREATE TABLE search_docs (
        rowid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL)""",
    # Who is editing a story on which running app (local, never synced).
    """CREATE TABLE edit_locks (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id),
        instance TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL,
        taken_from TEXT)""",
    # Facts about this file's local derived data (e.g. which segmenter built the index).
    "CREATE TABLE local_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE VIRTUAL TABLE search_index USING fts5(
        title, body, people, content='', tokenize='unicode61 remove_diacritics 2')""",
]


@step
def m001_initial(db: Database) -> None:
    for sql in _INITIAL:
        db.execute(sql)


@step
def m002_recycle_bin(db: Database) -> None:
    # 回收站: a deleted draft (never submitted) leaves the articles table whole, its row,
    # topics and revisions kept here as JSON until restored or purged.
    db.execute("""CREATE TABLE recycle_bin (
        article_id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        author_id TEXT,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT,
        story TEXT NOT NULL,
        topics TEXT NOT NULL,
        revisions TEXT NOT NULL)""")


@step
def m003_search_newest_first(db: Database) -> None:
    # The search index, laid out for newest-first reading: a story's row key is its
    # date (seconds, then a tie-break), so FTS5 reads matches newest first and a query
    # stops after a page. Each field has a bigram column and a single-character column
    # (newsdesk.text.segment). Local and derived: the store rebuilds it (segmenter version).
    db.execute("DROP TABLE search_index")
    db.execute("DROP TABLE search_docs")
    db.execute("""CREATE TABLE search_docs (
        rowid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL)""")
    db.execute("""CREATE VIRTUAL TABLE search_index USING fts5(
        title, body, people, title1, body1, people1, content='',
        tokenize='unicode61 remove_diacritics 2')""")
    db.execute("DELETE FROM local_meta WHERE key = 'segmenter'")


@step
def m004_saved_searches(db: Database) -> None:
    # A person's saved searches (名称, the words, the filters as JSON): the navigator
    # lists them with their counts.
    db.execute("""CREATE TABLE saved_searches (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        filters TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (user_id, name))""")


@step
def m005_facets_index(db: Database) -> None:
    # What a search's facets and filters read of each match (state, channel, origin),
    # from an index instead of the wide article rows: 1,000 matches in ~6 ms, not ~800.
    db.execute("CREATE INDEX articles_facets ON articles(id, state, channel_id, origin)")


@step
def m006_check_lists(db: Database) -> None:
    # The outlet's other 机审 lists, in their order: protected names (key = the name,
    # value = their titles), its own misspellings (key = wrong, value = right; an empty
    # right turns a shipped pair off) and the words kept in traditional characters.
    db.execute(f"""CREATE TABLE check_lists (
        kind TEXT NOT NULL CHECK (kind IN ('names', 'confusions', 'traditional')),
        position INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        {_SYNCED},
        PRIMARY KEY (kind, key))""")


@step
def m007_publish_runs(db: Database) -> None:
    # 发布 runs, for their history (when, who, where, what went up, what verify found),
    # and the one lock that keeps two runs from uploading at once.
    db.execute("""CREATE TABLE publish_runs (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        user_id TEXT,
        target TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT 'running',
        uploaded INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        files TEXT NOT NULL DEFAULT '[]')""")
    db.execute("""CREATE TABLE publish_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        holder TEXT NOT NULL,
        taken_at TEXT NOT NULL)""")


@step
def m008_renderer_index(db: Database) -> None:
    # Each export asks which live stories show the plain-paragraph fallback: a scan of
    # every article (0.14 s at 100,000) without this index, a lookup with it.
    db.execute("CREATE INDEX articles_renderer ON articles(renderer_version)")


@step
def m009_live_index_covers_export(db: Database) -> None:
    # The export's reads of every live story (its lists, which pages changed) from the
    # index alone: with renderer_version and the cover in it, no article row is read,
    # and those rows carry the bodies (1.2 → 0.5 s at 100,000 stories).
    db.execute("DROP INDEX articles_live")
    db.execute("CREATE INDEX articles_live ON articles(first_published_at DESC, id, "
               "live_revision, state, public_path, title, kicker, summary, channel_id, "
               "updated_at, pinned, weight, revision, renderer_version, cover_asset_id)")


@step
def m010_import_doubts(db: Database) -> None:
    # Imported pages whose extraction is doubtful (no time, a short body, missing
    # pictures): the 待核对 list a person works through, cleared story by story.
    db.execute("""CREATE TABLE import_doubts (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        doubts TEXT NOT NULL,
        imported_at TEXT NOT NULL)""")


@step
def m011_export_changes(db: Database) -> None:
    # An incremental export plans only what changed since the last one (a correction
    # in a 100,000-story archive must not read all of it). Every change to a story or
    # its topics, by any path (the app, the CLI, an import, a sync), bumps its row
    # here to the next number; an export remembers the number it saw last, and the
    # whole-site key it exported with (export_marks). One row a story: never pruned.
    db.execute("""CREATE TABLE article_changes (
        article_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL)""")
    db.execute("CREATE INDEX article_changes_seq ON article_changes(seq)")
    bump = ("INSERT OR REPLACE INTO article_changes (article_id, seq) VALUES ({id}, "
            "(SELECT IFNULL(MAX(seq), 0) + 1 FROM article_changes))")
    for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        db.execute(f"CREATE TRIGGER articles_changed_{event.lower()} AFTER {event} ON "
                   f"articles BEGIN {bump.format(id=row + '.id')}; END")
        if event != "UPDATE":
            db.execute(f"CREATE TRIGGER article_topics_changed_{event.lower()} AFTER "
                       f"{event} ON article_topics BEGIN "
                       f"{bump.format(id=row + '.article_id')}; END")
    db.execute("""CREATE TABLE export_marks (
        out_dir TEXT PRIMARY KEY,
        global_key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        stories INTEGER NOT NULL,        -- live stories then
        files INTEGER NOT NULL)""")
    # Where the site's order put a story and what lists show of it when its page was
    # exported (SitePlan.list_key): a change that leaves it alone touches no list page.
    db.execute("ALTER TABLE export_state ADD COLUMN list_key TEXT")
    # The home page's pinned stories and newest pictures, found without reading every
    # live story (an archive without either was read whole: 24 ms at 100,000).
    db.execute("CREATE INDEX articles_pinned ON articles(pinned) WHERE pinned != 0")
    db.execute("CREATE INDEX articles_covers ON articles(first_published_at DESC, id) "
               "WHERE cover_asset_id IS NOT NULL")


@step
def m012_sync(db: Database) -> None:
    # A field or paragraph two seats changed at once: the later change stands, the
    # other is kept here until someone settles it. Synced (conflicts/<id>.toml), so
    # every seat sees it; settling it removes it everywhere.
    db.execute(f"""CREATE TABLE sync_conflicts (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,       -- a story's id, or table:key
        field TEXT NOT NULL,
        kept TEXT NOT NULL,
        other TEXT NOT NULL,
        other_by TEXT,
        other_at TEXT NOT NULL,
        {_SYNCED})""")
    db.execute("CREATE INDEX sync_conflicts_record ON sync_conflicts(record)")
    # A story's review events and revisions travel with it: adding one is a change of
    # the story for sync (and for the export: the meta line names who signed).
    bump = ("INSERT OR REPLACE INTO article_changes (article_id, seq) VALUES ({id}, "
            "(SELECT IFNULL(MAX(seq), 0) + 1 FROM article_changes))")
    for table in ("review_events", "revisions"):
        for event, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
            db.execute(f"CREATE TRIGGER {table}_changed_{event.lower()} AFTER {event} ON "
                       f"{table} BEGIN {bump.format(id=row + '.article_id')}; END")


@step
def m013_signatures(db: Database) -> None:
    # Signed sign-offs: a user's public keys (every one they had: old sign-offs still
    # verify) and their private key sealed with their password, so they sign from any
    # seat; an admin's signature over each user record (roles are the admins' to give);
    # each review event's signature by its actor.
    db.execute("ALTER TABLE users ADD COLUMN public_keys TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE users ADD COLUMN private_key TEXT")
    db.execute("ALTER TABLE users ADD COLUMN signed_by TEXT")
    db.execute("ALTER TABLE users ADD COLUMN signature TEXT")
    db.execute("ALTER TABLE review_events ADD COLUMN signature TEXT")


@step
def m014_checks_travel(db: Database) -> None:
    # The 机审 findings an editor accepted and each submitted revision's report travel
    # with the story (a reviewer on another seat sees them): changing one is a change
    # of the story.
    bump = ("INSERT OR REPLACE INTO article_changes (article_id, seq) VALUES ({id}, "
            "(SELECT IFNULL(MAX(seq), 0) + 1 FROM article_changes))")
    for table in ("check_acceptances", "check_reports"):
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            db.execute(f"CREATE TRIGGER {table}_changed_{event.lower()} AFTER {event} ON "
                       f"{table} BEGIN {bump.format(id=row + '.article_id')}; END")


@step
def m015_clearances(db: Database) -> None:
    # Only a story whose live revision is vouched for by verifying sign-offs goes on the
    # public site (newsdesk/review/clearance.py). What this seat verified is kept, so an
    # export of 100,000 stories does not verify 300,000 signatures each time: each
    # signature verified (event id, signature, a digest of what it signs, the key that
    # verified it), and each story's verdict (reason NULL when cleared) as of its latest
    # change (article_changes.seq) and the reviewers and stages it was judged by.
    db.execute("""CREATE TABLE verified_signatures (
        event_id TEXT NOT NULL,
        signature TEXT NOT NULL,
        payload TEXT NOT NULL,
        public_key TEXT NOT NULL,
        PRIMARY KEY (event_id, signature)) WITHOUT ROWID""")
    db.execute("""CREATE TABLE clearances (
        article_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        context TEXT NOT NULL,
        reason TEXT)""")
    # The reviewers and stages each output folder's last export judged its stories by:
    # when they changed, the next export there judges and plans the whole site.
    db.execute("""CREATE TABLE export_clearances (
        out_dir TEXT PRIMARY KEY,
        context TEXT NOT NULL)""")
    # Adding or removing a story's event or revision is a change of it (m012); so is
    # changing one in place (a signature altered, a revision rewritten): what clears a
    # story is judged again after either.
    bump = ("INSERT OR REPLACE INTO article_changes (article_id, seq) VALUES ({id}, "
            "(SELECT IFNULL(MAX(seq), 0) + 1 FROM article_changes))")
    for table in ("review_events", "revisions"):
        db.execute(f"CREATE TRIGGER {table}_changed_update AFTER UPDATE ON {table} "
                   f"BEGIN {bump.format(id='NEW.article_id')}; END")
    # Stories already live were signed off before sign-offs named the text they approve
    # (a content hash): the text each had live at this upgrade (its live revision's
    # stored content) is remembered, so they stay up as they are — and a text changed
    # after the upgrade does not ride on those old sign-offs.
    db.execute("""CREATE TABLE legacy_live (
        article_id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        content_sha256 TEXT NOT NULL)""")
    rows = db.execute("SELECT a.id, r.number, r.content FROM articles a JOIN revisions r "
                      "ON r.article_id = a.id AND r.number = a.live_revision "
                      "WHERE a.live_revision IS NOT NULL").fetchall()
    db.conn.executemany("INSERT INTO legacy_live VALUES (?, ?, ?)",
                   [(i, n, hashlib.sha256(c.encode("utf-8")).hexdigest())
                    for i, n, c in rows])
