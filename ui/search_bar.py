"""The filter bar under the search box: channel (and below), state, dates, person,
来源, origin, topic, pictures and the order, each combinable with the words. It only
gathers choices: newsdesk.filtering turns them into a filter (and refuses what it
does not know, as the command line does). After a search the state and origin lists
say how many of the matches each would leave (facets)."""
from __future__ import annotations

from collections import Counter
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from newsdesk import times
from newsdesk.model import StoryFilter
from newsdesk.store import Store
from ui import look
from ui.article_model import state_label
from ui.choices import ChoiceModel, choice_box, select_id

STATES = ("draft", "submitted", "in_review", "returned", "approved", "scheduled",
          "published", "withdrawn")


class FilterBar(QWidget):
    changed = Signal()         # a choice changed: search again
    save_requested = Signal()  # 保存搜索

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.channel = choice_box(ChoiceModel(store.channels.choices(), store.channels.names,
                                              self.tr("All channels")), width_in_chars=8)
        self.person = choice_box(ChoiceModel([(u, 0) for u in store.users.choices()],
                                             store.users.names, self.tr("Anyone")),
                                 width_in_chars=6)
        self.state, self.origin, self.topic, self.image, self.sort = (
            QComboBox() for _ in range(5))
        self.state.addItem(self.tr("Any state"), None)
        for state in STATES:
            self.state.addItem(state_label(state), state)
        self.origin.addItem(self.tr("Original or reprint"), None)
        self.origin.addItem(self.tr("Original"), "original")
        self.origin.addItem(self.tr("Reprint"), "reprint")
        self.topic.addItem(self.tr("Any topic"), None)
        for t in store.channels.topics():
            self.topic.addItem(t.name, t.slug)
        self.image.addItem(self.tr("With or without pictures"), None)
        self.image.addItem(self.tr("With pictures"), True)
        self.image.addItem(self.tr("Without pictures"), False)
        self.sort.addItem(self.tr("Newest first"), "newest")
        self.sort.addItem(self.tr("Most relevant"), "relevance")
        self.since, self.until, self.source = QLineEdit(), QLineEdit(), QLineEdit()
        self.since.setPlaceholderText(self.tr("From 2026-01-01"))
        self.until.setPlaceholderText(self.tr("To 2026-12-31"))
        self.source.setPlaceholderText(self.tr("Source (来源)"))
        for box in (self.since, self.until):
            box.setMaximumWidth(box.fontMetrics().horizontalAdvance("从2026-01-01") + 24)
        self.source.setMaximumWidth(self.source.fontMetrics().horizontalAdvance("人民日报客户端"))
        self.count = QLabel()
        self.save_button = QPushButton(look.icon("content-save-outline"), self.tr("Save search…"))
        self.save_button.setObjectName("save_search")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.channel, self.state, self.since, self.until, self.person, self.source,
                  self.origin, self.topic, self.image, self.sort):
            layout.addWidget(w)
        layout.addWidget(self.count, 1)
        layout.addWidget(self.save_button)
        for box in (self.channel, self.state, self.person, self.origin, self.topic,
                    self.image, self.sort):
            box.activated.connect(lambda _index: self.changed.emit())
        for line in (self.since, self.until, self.source):
            line.editingFinished.connect(self.changed.emit)
        self.save_button.clicked.connect(lambda: self.save_requested.emit())
        self._labels = {box: [box.itemText(i) for i in range(box.count())]
                        for box in (self.state, self.origin)}

    def choices(self) -> dict:
        """What is chosen, as newsdesk.filtering.build takes it (names as shown)."""
        channel, person = self.channel.currentData(), self.person.currentData()
        return {"channel": self.store.channels.get(channel).slug if channel else None,
                "state": self.state.currentData(),
                "since": self.since.text().strip() or None,
                "until": self.until.text().strip() or None,
                "person": self.store.users.get(person).username if person else None,
                "source": self.source.text().strip() or None,
                "origin": self.origin.currentData(),
                "topic": self.topic.currentData(),
                "has_image": self.image.currentData()}

    def order(self) -> str:
        return self.sort.currentData()

    def show_filter(self, f: StoryFilter) -> None:
        """Set the choices to a saved search's filter."""
        tz = self.store.settings().timezone
        select_id(self.channel, f.channel_id)
        select_id(self.person, f.person_id)
        topic = next((t.slug for t in self.store.channels.topics() if t.id == f.topic_id), None)
        for box, value in ((self.state, f.state), (self.origin, f.origin),
                           (self.topic, topic), (self.image, f.has_image)):
            box.setCurrentIndex(max(box.findData(value), 0))
        self.since.setText(times.local_text(f.since, tz)[:10] if f.since else "")
        # until is kept as the next midnight: shown as the last day it includes
        before = times.from_stored(f.until) - timedelta(seconds=1) if f.until else None
        self.until.setText(times.local_text(times.to_stored(before), tz)[:10] if before else "")
        self.source.setText(f.source or "")

    def show_count(self, total: int | None, exact: bool = True) -> None:
        """How many stories the words and filters find ('1,000+' past the exact count)."""
        if total is None:
            self.count.setText("")
        else:
            shown = f"{total:,}" + ("" if exact else "+")
            self.count.setText(self.tr("%1 stories").replace("%1", shown))

    def show_facets(self, facets: dict[str, Counter] | None) -> None:
        """Each state and origin with how many matches it would leave."""
        for box, key in ((self.state, "state"), (self.origin, "origin")):
            for i, label in enumerate(self._labels[box]):
                n = (facets or {}).get(key, Counter()).get(box.itemData(i))
                box.setItemText(i, f"{label} ({n})" if facets and box.itemData(i) and n
                                else label)

    def clear(self) -> None:
        self.show_filter(StoryFilter())
        self.sort.setCurrentIndex(0)
        self.show_count(None)
        self.show_facets(None)
