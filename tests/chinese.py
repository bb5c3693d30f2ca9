"""Whether a message shown to a Chinese newsroom is Chinese: English words are allowed
only as names, ids, file paths, options, quoted text and a few technical terms."""
import re

# Technical words a Chinese message keeps as they are.
ALLOWED = {
    "newsdesk", "reviewer1", "reviewer2", "reviewer3", "admin", "editor", "list", "link",
    "none", "space", "block", "warn", "pass", "true", "false", "http", "https", "gzip",
    "json", "markdown", "front", "matter", "manifest", "prev_hash", "kib", "mb", "gb",
    "get", "md", "html", "txt", "asia", "shanghai", "house_space", "id", "url", "i/o",
    "init", "db", "passwd", "users", "title", "front matter",
    "icp", "rss",  # as Chinese writes them: ICP备案号, RSS 订阅
}
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'|「[^」]*」|《[^》]*》")
_PATHISH = re.compile(r"\S*[/\\]\S*|\S+\.(?:db|md|html|txt|json|zip|gz|log)\b|--?[a-z][\w-]*"
                      r"|\b(?:[a-z0-9-]+\.)+(?:cn|com|net|org)\b")  # …and host names
_IDISH = re.compile(r"\b[0-9a-f]{8,}\b|\b\w*[\d_]\w*\b")
_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str, names: tuple[str, ...] = ()) -> list[str]:
    """The English words of text that are not names, ids, paths or allowed terms."""
    for name in names:
        text = text.replace(name, " ")
    text = _QUOTED.sub(" ", text)
    text = _PATHISH.sub(" ", text)
    text = _IDISH.sub(" ", text)
    return [w for w in _WORD.findall(text) if w.lower() not in ALLOWED]


def assert_chinese(text: str, names: tuple[str, ...] = ()) -> None:
    assert text.strip(), "an empty message"
    assert re.search(r"[\u4e00-\u9fff]", text), f"no Chinese in {text!r}"
    words = english_words(text, names)
    assert not words, f"English {words} in {text!r}"
