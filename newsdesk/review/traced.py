"""What a reviewer sees changed: the story against the revision their stage last saw,
and each reviewer's own traced edits of this round (留痕), attributed to their stage."""
from __future__ import annotations

from dataclasses import dataclass

from newsdesk.text.diff import char_diff
from newsdesk.model import Article, ReviewEvent, field_names
from newsdesk.store import Store
from newsdesk.review.workflow import current_round


@dataclass
class StageEdit:
    """A reviewer's edits at their stage (留痕), as later stages see them."""
    stage: int
    actor_id: str
    at: str
    fields: dict[str, list[tuple[str, str]]]  # changed field → char_diff ops


@dataclass
class ReviewDiff:
    base_revision: int | None   # what the diff starts from; None: nothing to compare
    revision: int
    fields: dict[str, list[tuple[str, str]]]  # changed field → char_diff ops
    stage_edits: list[StageEdit]  # reviewers' traced edits in this round, in order
    seen_here: bool = True  # base is what this stage last saw; False: as submitted


_DIFFED = field_names(diffed=True)


def review_diff(store: Store, article: Article) -> ReviewDiff:
    """The story against the revision its current stage last saw (by whoever reviewed
    that stage); a stage that never saw it gets it against the revision submitted in
    this round, said so (another stage's look is not this one's). With each
    reviewer's traced edits of this round."""
    all_events = store.events.of(article.id)
    at_stage = [e for e in all_events if e.kind in ("approve", "return")
                and e.revision is not None and e.stage == article.review_stage]
    submitted = [e for e in current_round(all_events) if e.kind == "submit"]
    seen_here = bool(at_stage)
    seen = at_stage[-1].revision if at_stage else (
        submitted[0].revision if submitted else None)
    contents = {r.number: r.content for r in store.articles.revisions(article.id)}
    edits = _stage_edits(current_round(all_events), contents)
    if seen is None or seen == article.revision:
        return ReviewDiff(seen, article.revision, {}, edits, seen_here)
    current = {name: getattr(article, name) for name in _DIFFED}
    return ReviewDiff(seen, article.revision, _field_diff(contents[seen], current), edits,
                      seen_here)


def _field_diff(old: dict, new: dict) -> dict[str, list[tuple[str, str]]]:
    fields = {}
    for name in _DIFFED:
        before, after = old.get(name, ""), new.get(name, "")
        if isinstance(after, list) or isinstance(before, list):
            before, after = "、".join(before or []), "、".join(after or [])
        if before != after:
            fields[name] = char_diff(before or "", after or "")
    return fields


def _stage_edits(events: list[ReviewEvent], contents: dict[int, dict]) -> list[StageEdit]:
    """Consecutive revise events of one reviewer at one stage make one edit, from the
    revision before the first to the last."""
    runs: list[list[ReviewEvent]] = []
    for e in (e for e in events if e.kind == "revise"):
        if runs and (runs[-1][-1].actor_id, runs[-1][-1].stage) == (e.actor_id, e.stage):
            runs[-1].append(e)
        else:
            runs.append([e])
    return [StageEdit(run[0].stage, run[0].actor_id, run[-1].at,
                      _field_diff(contents[run[0].revision - 1], contents[run[-1].revision]))
            for run in runs]
