"""The review workflow (三审): states, stages and the rules of who may do what
(declared in review.rules, asked here of a story's facts).

draft → submitted → in_review (stage k) → approved | scheduled → published, plus
returned (to the author, with reasons), withdrawn (撤稿, admins only) and corrections
of published stories (re-reviewed; the page then carries a dated 更正 note).
Every transition appends a hash-chained review_events row naming the revision it
acts on. The GUI, the CLI and scripts all come through here, so they obey the same
rules; a refused action raises RuleError saying which rule refused it."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from newsdesk import checks, times
from newsdesk.review import accounts, auth, rules, signing
from newsdesk.errors import NewsdeskError, StaleEdit
from newsdesk.i18n import N_, _, pick
from newsdesk.model import (
    CONTENT_FIELDS, IN_REVIEW, SIGNED_OFF, Article, ReviewEvent, State, User,
    field_label, state_name,
)
from newsdesk.store import Store
from newsdesk.store.articles import built_on_latest
from newsdesk.sync.publisher import require_publisher

RETURNING = N_("returning a story")
EDITABLE = (State.DRAFT, State.RETURNED, *IN_REVIEW, State.APPROVED, State.SCHEDULED)


class RuleError(NewsdeskError):
    """An action the workflow's rules refuse."""


@dataclass
class Transition:
    """What an action changed: the article as it now is and the event it appended."""
    article: Article
    event: ReviewEvent


def stages(store: Store) -> list[dict]:
    configured = store.settings().review_stages
    if not 1 <= len(configured) <= 3:
        raise NewsdeskError("the site must configure 1 to 3 review stages")
    return configured


def stage_name(store: Store, stage: int | None) -> str:
    if not stage:
        return ""
    configured = stages(store)
    return configured[stage - 1]["name"] if stage <= len(configured) else str(stage)


def check_password(user: User, password: str | None) -> None:
    """Refuse unless password is right for a user who has one (login, sign-off)."""
    if not user.password_hash:
        return
    if password is None:
        raise RuleError("{name} has a password: give it to act (rule: password)",
                        name=user.real_name)
    if not auth.verify_password(password, user.password_hash):
        raise RuleError("wrong password for {name} (rule: password)", name=user.real_name)
    signing.unlock_with(user, password)  # this process may now sign as them


def needs_reason(reason: str | None, action: str) -> str:
    """The reason, stripped; RuleError when there is none (dialogs ask the same)."""
    if not (reason or "").strip():
        raise RuleError("{action} needs a reason (rule: reason required)", action=_(action))
    return reason.strip()


def current_round(events: list[ReviewEvent]) -> list[ReviewEvent]:
    """The events since the latest submission."""
    starts = [i for i, e in enumerate(events) if e.kind == "submit"]
    return events[starts[-1]:] if starts else []


def _signed(events: list[ReviewEvent]) -> list[int]:
    """The stages signed in the current round and not voided since."""
    signed: list[int] = []
    for e in current_round(events):
        if e.kind == "approve":
            signed.append(e.stage)
        elif e.kind == "void":
            signed.clear()
    return signed


def _events(store: Store, article_id: str) -> list[dict]:
    return [asdict(e) for e in store.events.of(article_id)]


def writers(store: Store, article: Article, events: list[dict] | None = None) -> set[str]:
    """Who wrote the story in its current review cycle (rules.writers)."""
    return rules.writers(store.articles.revision_authors([article.id])[article.id],
                         _events(store, article.id) if events is None else events,
                         article.author_id)


def why_not_review(store: Store, article: Article, user: User,
                   events: list[dict] | None = None) -> str | None:
    """Why user may not act on article's current stage (approve or return), or None.
    The own-story rule covers returning too: a writer does not judge their own story."""
    if article.state not in IN_REVIEW:  # no stage to ask about
        return rules.why_not_review(article.state, None, [], user, set())
    return rules.why_not_review(article.state, article.review_stage, stages(store), user,
                                writers(store, article, events))


def why_not_sign(store: Store, article: Article, user: User) -> str | None:
    """Why user may not sign off article's current stage, or None if they may."""
    events = _events(store, article.id)
    reason = why_not_review(store, article, user, events)
    if reason:
        return reason
    other = rules.signed_another(events, user.id, article.review_stage)
    if other:
        return _("{name} already signed {stage} of this story; nobody signs two "
                 "stages (rule: two stages)", name=user.real_name,
                 stage=stage_name(store, other))
    return None


def why_not_submit(store: Store, article: Article, user: User) -> str | None:
    """Why user may not submit the story now (机审 aside: submit runs it), or None."""
    return rules.why_not_submit(article.state, user, article.author_id)


def why_not_recall(store: Store, article: Article, user: User) -> str | None:
    """Why user may not recall (撤回) the story now, or None."""
    return rules.why_not_recall(article.state, user, article.author_id,
                                bool(_signed(store.events.of(article.id))))


def why_not_correct(store: Store, article: Article, user: User) -> str | None:
    """Why user may not start a correction (更正) of the story, or None."""
    return rules.why_not_correct(article.state, user)


def signers(store: Store, article: Article) -> list[User]:
    """Who may sign the story's current stage now (none when it is not in review)."""
    if article.state not in IN_REVIEW:
        return []
    role = stages(store)[article.review_stage - 1]["role"]
    return [u for u in store.users.with_role(role) if why_not_sign(store, article, u) is None]


def why_nobody_signs(store: Store, article: Article) -> str | None:
    """Why no active user may sign the story's current stage (it would wait forever),
    or None when someone may."""
    if article.state not in IN_REVIEW or signers(store, article):
        return None
    stage = stages(store)[article.review_stage - 1]
    holders = store.users.with_role(stage["role"])
    if not holders:
        return _("nobody holds the {stage} role ({role}): give it to someone "
                 "(rule: stage role)", stage=stage["name"], role=stage["role"])
    return _("no {stage} reviewer other than who wrote it or signed another stage of it: "
             "give the {role} role to someone else (rule: own story)",
             stage=stage["name"], role=stage["role"])


def waiting_for(store: Store, user: User, channel_id: str | None = None,
                stage: int | None = None) -> list[str]:
    """Stories at a stage this user may sign now (oldest submission first)."""
    mine = [k for k, s in enumerate(stages(store), 1)
            if s["role"] in user.roles and stage in (None, k)]
    if not mine or not user.active:
        return []
    ids = store.events.queue(stages=mine, channel_id=channel_id, signable_by=user.id)
    # Of those, the ones they did not write (one query for all the revisions).
    revisions = store.articles.revision_authors(ids)
    authors = store.articles.authors(ids)
    return [i for i in ids if user.id not in rules.writers(revisions[i],
                                                           _events(store, i), authors[i])]


def queue(store: Store, stage: int | None = None,
          channel_id: str | None = None) -> list[str]:
    """Every story waiting for review, optionally at one stage or in one channel."""
    return store.events.queue(stages=[stage] if stage else None, channel_id=channel_id)


def create(store: Store, actor: User, **values) -> Article:
    """A new draft written by actor: its author and, unless values name another, its
    responsible editor (编辑)."""
    return store.articles.create(actor.id, **({"editor_id": actor.id} | values))


def edit(store: Store, article_id: str, changes: dict, actor: User,
         checkpoint: str | None = None, expect_edits: int | None = None
         ) -> tuple[Article, list[str]]:
    """Change a story's working copy. In review, only the current stage's reviewer
    changes content, as that stage's traced revision (留痕); a content change to an
    approved story voids the sign-offs: it goes back to the first stage. With
    expect_edits, a save
    based on a copy someone else has saved over since raises StaleEdit instead;
    without it, a save landing meanwhile is built on."""
    return built_on_latest(
        lambda: _edit_once(store, article_id, changes, actor, checkpoint, expect_edits),
        expect_edits)


def why_not_edit(store: Store, article: Article, user: User) -> str | None:
    """Why user may not change the story's content now, or None if they may.
    Submitted means locked (送审锁定): only the reviewer holding the current stage
    edits, with a trace; the author recalls the story to change it."""
    if article.state not in EDITABLE:
        if article.state == State.PUBLISHED:
            return _("a published story cannot be edited; start a correction first")
        return _("a {state} story cannot be edited", state=state_name(article.state))
    if article.state in IN_REVIEW and why_not_review(store, article, user) is not None:
        stage = stage_name(store, article.review_stage)
        return _("“{title}” is locked in review: only its {stage} reviewer edits it now, "
                 "and its author can recall it until the first sign-off "
                 "(rule: locked in review)", title=article.title, stage=stage)
    return None


def _edit_once(store: Store, article_id: str, changes: dict, actor: User,
               checkpoint: str | None, expect_edits: int | None) -> tuple[Article, list[str]]:
    article = store.articles.get(article_id)
    if expect_edits is not None and article.edits != expect_edits:
        raise StaleEdit(article)
    content = [k for k in changes if k in CONTENT_FIELDS and changes[k] != getattr(article, k)]
    refusal = why_not_edit(store, article, actor) if content else None
    if refusal:
        raise RuleError(refusal)
    if content:
        article = _on_record(store, article, actor)
    if content and article.state not in (State.DRAFT, State.RETURNED):
        checkpoint = checkpoint or "edit"  # a sign-off names the exact revision it saw
    # A reviewer's edit is their stage's (留痕): it leaves the story's last editor, and
    # so who may sign, as it was.
    traced = bool(content) and article.state in IN_REVIEW
    # Rendering and 机审 happen here, before the write lock is taken.
    change = store.articles.prepare(article, changes, actor.id, checkpoint,
                                    authored=not traced)
    content = [k for k in change.changed if k in CONTENT_FIELDS]
    report = None
    if content and article.state in (*IN_REVIEW, *SIGNED_OFF):
        # Reviewers see the checks of the revision in front of them.
        report = checks.run_checks(store, change.new)
    with store.transaction():
        new = store.articles.write(change)
        if report:
            store.checks.save_report(article_id, new.revision, report.verdict,
                                     report.to_dict())
        if content and traced:
            store.events.append(article_id, "revise", actor.id, stage=article.review_stage,
                                revision=new.revision, comment="edited " + ", ".join(content),
                                detail={"fields": content})
        elif content and article.state in SIGNED_OFF:
            voided = _signed(store.events.of(article_id))
            new, _changed = store.articles.update(article_id, _move(store, article, "void"),
                                                  actor.id)
            store.events.append(article_id, "void", actor.id, revision=new.revision,
                                comment="edited " + ", ".join(content),
                                detail={"voided_stages": voided, "fields": content})
    return new, change.changed


def _move(store: Store, article: Article, kind: str, at: str | None = None) -> dict:
    """Where the rulebook's transition table takes the story on this event (the rule
    checks before it let it through; a move it does not allow is a RuleError)."""
    fields = {"state": article.state, "review_stage": article.review_stage}
    moved = rules.moved(fields, {"kind": kind, "stage": article.review_stage, "at": at},
                        len(stages(store)), article.publish_at)
    if moved is None:
        raise RuleError("a {state} story cannot take this step", state=state_name(article.state))
    return moved


def _on_record(store: Store, article: Article, actor: User) -> Article:
    """A draft's saves between revisions are its last editor's. Before someone else's
    change joins them, they go on record as that editor's revision, so each revision's
    change is one person's and who wrote the story stays known (rules.writers)."""
    if article.state not in (State.DRAFT, State.RETURNED) or \
            actor.id == article.last_editor_id:
        return article
    saved = store.articles.revision_content(article.id, article.revision)
    if all(saved.get(k) == getattr(article, k) for k in rules.WRITTEN):
        return article
    return store.articles.update(article.id, {}, article.last_editor_id, checkpoint="edit")[0]


def recall(store: Store, article_id: str, actor: User, comment: str = "") -> Transition:
    """撤回: the author takes a submitted story back to draft, until the first sign-off."""
    article = store.articles.get(article_id)
    refusal = why_not_recall(store, article, actor)
    if refusal:
        raise RuleError(refusal)
    with store.transaction():
        new, _changed = store.articles.update(article_id, _move(store, article, "recall"),
                                              actor.id)
        event = store.events.append(article_id, "recall", actor.id, revision=new.revision,
                                    comment=comment)
    return Transition(new, event)


def submit(store: Store, article_id: str, actor: User, comment: str = "",
           now: str | None = None) -> Transition:
    article = store.articles.get(article_id)
    refusal = why_not_submit(store, article, actor)
    if refusal:
        raise RuleError(refusal)
    article = _on_record(store, article, actor)
    report = checks.run_checks(store, article)
    if report.blocking:
        listed = _("; ").join(f"{pick(f.message, f.message_en)} [{field_label(f.field)}]"
                              for f in report.blocking[:3])
        if len(report.blocking) > 3:
            listed += _(" and {count} more", count=len(report.blocking) - 3)
        raise RuleError("机审 blocks the submission: {listed} (rule: machine checks)",
                        listed=listed)
    now = now or times.now()
    with store.transaction():
        new, _changed = store.articles.update(
            article_id, _move(store, article, "submit", now), actor.id, checkpoint="submit")
        # The report travels with the submitted revision, for the reviewers.
        store.checks.save_report(article_id, new.revision, report.verdict, report.to_dict())
        event = store.events.append(article_id, "submit", actor.id, stage=1,
                                   revision=new.revision, comment=comment, at=now,
                                   detail={"checks": report.verdict})
    return Transition(new, event)


def approve(store: Store, article_id: str, actor: User, password: str | None = None,
            comment: str = "", now: str | None = None) -> Transition:
    article = store.articles.get(article_id)
    refusal = why_not_sign(store, article, actor)
    if refusal:
        raise RuleError(refusal)
    accounts.check_signer(store, actor)
    check_password(actor, password)
    now = now or times.now()
    stage = article.review_stage
    with store.transaction():
        # The sign-off vouches for the very text it approves: the last stage's hash is
        # what the export checks the live text against (review.clearance).
        vouched = signing.content_hash({k: getattr(article, k) for k in CONTENT_FIELDS})
        event = store.events.append(article_id, "approve", actor.id, stage=stage,
                                   revision=article.revision, comment=comment, at=now,
                                   detail={"content_hash": vouched})
        new, _changed = store.articles.update(article_id, _move(store, article, "approve", now),
                                              actor.id)
    return Transition(new, event)


def return_story(store: Store, article_id: str, actor: User, reason: str,
                 password: str | None = None, now: str | None = None) -> Transition:
    article = store.articles.get(article_id)
    reason = needs_reason(reason, RETURNING)
    refusal = why_not_review(store, article, actor)
    if refusal:
        raise RuleError(refusal)
    accounts.check_signer(store, actor)
    check_password(actor, password)
    with store.transaction():
        event = store.events.append(article_id, "return", actor.id, stage=article.review_stage,
                                   revision=article.revision, comment=reason, at=now)
        new, _changed = store.articles.update(article_id, _move(store, article, "return"),
                                              actor.id)
    return Transition(new, event)


def withdraw(store: Store, article_id: str, actor: User, reason: str,
             password: str | None = None) -> Transition:
    article = store.articles.get(article_id)
    refusal = rules.why_not_withdraw(article.state, article.live_revision is not None, actor)
    if refusal:
        raise RuleError(refusal)
    reason = needs_reason(reason, N_("withdrawing a story"))
    accounts.check_signer(store, actor)
    check_password(actor, password)
    with store.transaction():
        event = store.events.append(article_id, "withdraw", actor.id,
                                   revision=article.revision, comment=reason)
        new, _changed = store.articles.update(article_id, _move(store, article, "withdraw"),
                                              actor.id)
    return Transition(new, event)


def begin_correction(store: Store, article_id: str, actor: User, note: str) -> Transition:
    """Reopen a published story for a correction. The public page keeps showing the
    live revision until the corrected one passes every review stage again and is
    published (by the next publication, like any approved story)."""
    article = store.articles.get(article_id)
    refusal = why_not_correct(store, article, actor)
    if refusal:
        raise RuleError(refusal)
    note = needs_reason(note, N_("a correction"))
    with store.transaction():
        corrections = article.corrections + [{"note": note, "by": actor.id, "at": None}]
        new, _changed = store.articles.update(
            article_id, _move(store, article, "correction") | {"corrections": corrections},
            actor.id)
        event = store.events.append(article_id, "correction", actor.id,
                                   revision=article.revision, comment=note)
    return Transition(new, event)


def correction_pending(article: Article) -> bool:
    return bool(article.corrections) and article.corrections[-1].get("at") is None


def _dated_correction(store: Store, article: Article, actor_id: str | None,
                      now: str) -> dict:
    """A corrected story going out: its pending correction note is dated now; what the
    publish event records of it (empty for a story that is not a correction)."""
    if not correction_pending(article):
        return {}
    corrections = [dict(c) for c in article.corrections]
    corrections[-1]["at"] = now
    store.articles.update(article.id, {"corrections": corrections}, actor_id)
    return {"correction": corrections[-1]["note"]}


def _publication(article: Article) -> dict:
    """What a publish event records for every seat: where and as what number the story
    went online, and when first (the seats take these from the event, not the file)."""
    return {"first_published_at": article.first_published_at, "number": article.number,
            "public_path": article.public_path}


def due(store: Store, now: str | None = None) -> list[str]:
    """Approved and scheduled stories whose publish time has passed: what the next
    export will publish. (A desktop program cannot publish while it is closed.)"""
    return store.events.due(now or times.now())


def publish(store: Store, article_id: str, actor: User | None,
            now: str | None = None) -> Transition:
    """Publish one approved story whose time has come, at its publish time (on the
    newsroom's publisher seat)."""
    require_publisher(store)
    now = now or times.now()
    article = store.articles.get(article_id)
    if not rules.leaves("publish", article.state):
        raise RuleError("only approved stories are published; this one is {state}",
                        state=state_name(article.state))
    if article.publish_at and article.publish_at > now:
        raise RuleError("scheduled for {value}; not yet due",
                        value=times.local_text(article.publish_at))
    actor_id = actor.id if actor else None
    with store.transaction():
        # A correction goes out like any story, on the run that publishes it (the
        # event names who published and when, not who signed last).
        corrected = _dated_correction(store, article, actor_id, now)
        new = store.articles.publish(article_id, article.publish_at or now, actor_id)
        event = store.events.append(article_id, "publish", actor_id,
                                   revision=article.revision, at=now,
                                   detail=corrected | _publication(new))
    return Transition(new, event)


def publish_due(store: Store, actor: User | None, now: str | None = None) -> list[Transition]:
    now = now or times.now()
    with store.transaction():
        return [publish(store, article_id, actor, now) for article_id in due(store, now)]
