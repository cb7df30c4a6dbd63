#!/usr/bin/env python3
"""Records CPython's output for the interpreter's snippet corpus.

Each file in src/test/resources/dev/bitzel/parser/internal/python/snippets/*.py holds cases separated by
lines '#### <name>'. Every case runs in fresh globals; its stdout is recorded, and when it raises, a last
line '!!! <ExceptionType>' is appended. The result goes to the matching .expected file, in the same
'#### <name>' layout. Run with CPython 3.11 from the repository root:

    python3 bitzel-parser/src/test/python/record_snippets.py
"""
import contextlib
import io
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1] / "resources/dev/bitzel/parser/internal/python/snippets"


def cases(text):
    name, lines = None, []
    for line in text.splitlines(keepends=True):
        if line.startswith("#### "):
            if name is not None:
                yield name, "".join(lines)
            name, lines = line[5:].strip(), []
        else:
            lines.append(line)
    if name is not None:
        yield name, "".join(lines)


def run(name, src):
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(src, name, "exec"), {"__name__": "__main__"})
    except BaseException as e:  # noqa: B902 - the exception type is the expected result
        buf.write("!!! " + type(e).__name__ + "\n")
    return buf.getvalue()


def main():
    assert sys.version_info[:2] == (3, 11), "record with CPython 3.11"
    for path in sorted(ROOT.glob("*.py")):
        out = []
        for name, src in cases(path.read_text()):
            out.append("#### " + name + "\n" + run(name, src))
        path.with_suffix(".expected").write_text("".join(out))


if __name__ == "__main__":
    main()
