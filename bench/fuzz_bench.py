"""The hostile-input properties of tests/test_hostile.py, run long (default 2,000
examples each), and markdown2's slow inputs timed without and with the guard.

    python bench/fuzz_bench.py [--examples 2000]"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from newsdesk.text.render import render_body, render_safely  # noqa: E402
from tests import test_hostile as props  # noqa: E402

SLOW = {
    "'[a](' × 3,000": "[a](" * 3000,
    "'[a](' × 10,000": "[a](" * 10000,
    "'<a ' × 5,000 (unclosed tags)": "<a " * 5000,
    "'[' × 5,000": "[" * 5000 + "x",
    "400 ever-deeper list items": "".join(" " * i + "- x\n" for i in range(400)),
}


def run(name: str, test, strategy_args: dict, examples: int) -> None:
    count = [0]

    def counted(**kw):
        count[0] += 1
        test(**kw)
    started = time.perf_counter()
    settings(max_examples=examples, deadline=None, database=None,
             suppress_health_check=list(HealthCheck))(given(**strategy_args)(counted))()
    print(f"  {name}: {count[0]} examples, all held ({time.perf_counter() - started:.0f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    args = parser.parse_args()
    print("properties:")
    run("rendering never raises, never lets a script through",
        lambda markdown: props.test_rendering_never_raises_and_never_lets_a_script_through
        .hypothesis.inner_test(markdown), {"markdown": props.MARKDOWN}, args.examples)
    with tempfile.TemporaryDirectory() as tmp:
        class Factory:
            @staticmethod
            def mktemp(name):
                return Path(tempfile.mkdtemp(dir=tmp))
        from hypothesis import strategies as st
        run("import never crashes on arbitrary bytes",
            lambda data, suffix: props.test_import_never_crashes_on_arbitrary_bytes
            .hypothesis.inner_test(Factory, data, suffix),
            {"data": st.binary(max_size=3000),
             "suffix": st.sampled_from([".md", ".html", ".txt"])}, args.examples)
        run("no site path leads out of the folder",
            lambda path: props.test_no_site_path_leads_out_of_the_folder.hypothesis
            .inner_test(path), {"path": st.text(max_size=60)}, args.examples)
        run("slugs are plain ASCII or refused",
            lambda slug: props.test_slugs_are_plain_ascii_or_refused.hypothesis
            .inner_test(slug), {"slug": st.text(max_size=30)}, args.examples)
    print("markdown2's slow inputs (limit 2 s):")
    for name, text in SLOW.items():
        started = time.perf_counter()
        try:
            render_body(text)
            raw = f"{time.perf_counter() - started:.2f} s"
        except RecursionError:
            raw = "RecursionError"
        started = time.perf_counter()
        render_safely(text)
        print(f"  {name}: markdown2 alone {raw}; guarded "
              f"{time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
