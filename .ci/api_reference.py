"""The API reference (docs/api.md), generated from the docstrings of the public names.

    python .ci/api_reference.py docs/api.md           # write the page
    python .ci/api_reference.py --check docs/api.md   # CI: fail on a warning or a stale page

Every name of ``territoire_graphe.__all__`` gets its signature and its docstring; numpydoc
sections (Parameters, Returns, Raises, Notes, Examples) become headings and lists. A warning
fails the check: a public name without a docstring, a numpydoc section badly underlined, or
a Parameters section that does not document exactly the function's parameters.
Offline, no dependency beyond the package itself.
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

SECTIONS = ("Parameters", "Returns", "Raises", "Warns", "See Also", "Notes", "References",
            "Examples", "Attributes", "Yields")
_PARAM = re.compile(r"^([A-Za-z_*][\w*]*(?:\s*,\s*[A-Za-z_*][\w*]*)*)\s*(?::\s*(.*))?$")


def split_sections(doc: str) -> tuple[str, dict[str, list[str]], list[str]]:
    """(summary text, {section: lines}, warnings) of a numpydoc docstring."""
    lines = inspect.cleandoc(doc).splitlines()
    head: list[str] = []
    sections: dict[str, list[str]] = {}
    warnings: list[str] = []
    current: list[str] = head
    i = 0
    while i < len(lines):
        line = lines[i]
        below = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() in SECTIONS and set(below.strip()) == {"-"}:
            if len(below.strip()) != len(line.strip()):
                warnings.append(f"section {line.strip()!r}: underline of the wrong length")
            current = sections.setdefault(line.strip(), [])
            i += 2
            continue
        if line.strip() in SECTIONS and below.strip() == "" and line == line.strip():
            warnings.append(f"section {line.strip()!r} without its ---- underline")
        current.append(line)
        i += 1
    return "\n".join(head).strip(), sections, warnings


def documented_parameters(lines: list[str]) -> list[str]:
    names = []
    for line in lines:
        if line and not line.startswith(" "):
            match = _PARAM.match(line.strip())
            if match:
                names += [n.strip().lstrip("*") for n in match.group(1).split(",")]
    return names


def check_parameters(obj: object, sections: dict[str, list[str]]) -> list[str]:
    if "Parameters" not in sections or not callable(obj):
        return []
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return []
    real = [name for name, p in signature.parameters.items() if name not in ("self", "cls")
            and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    written = documented_parameters(sections["Parameters"])
    variadic = [name for name, p in signature.parameters.items()
                if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    written = [name for name in written if name not in variadic]
    problems = []
    if missing := [n for n in real if n not in written]:
        problems.append(f"parameters not documented: {', '.join(missing)}")
    if extra := [n for n in written if n not in real]:
        problems.append(f"documented parameters the function does not have: {', '.join(extra)}")
    return problems


def _markdown(section: str, lines: list[str]) -> list[str]:
    out = [f"**{section}**", ""]
    if section in ("Parameters", "Returns", "Raises", "Attributes", "Yields", "Warns"):
        for line in lines:
            if not line.strip():
                continue
            if not line.startswith(" "):
                name, _, kind = line.partition(" : ")
                out.append(f"- `{name.strip()}`" + (f" ({kind.strip()})" if kind else ""))
            else:
                out.append(f"  {line.strip()}")
        return [*out, ""]
    if section == "Examples":
        block: list[str] = []
        for line in [*lines, ""]:
            if line.startswith((">>>", "...")) or (block and line.strip()):
                block.append(line)
                continue
            if block:
                out += ["", "```pycon", *block, "```", ""]
                block = []
            if line.strip():
                out.append(line)
        return [*out, ""]
    return [*out, *lines, ""]


def page() -> tuple[str, list[str]]:
    import territoire_graphe as tg

    out = ["# API reference", "",
           f"Generated from the docstrings of territoire_graphe {tg.__version__} by "
           "`.ci/api_reference.py`; do not edit by hand.", ""]
    warnings: list[str] = []
    for name in sorted(n for n in tg.__all__ if not n.startswith("_")):
        obj = getattr(tg, name)
        doc = inspect.getdoc(obj)
        if not doc:
            warnings.append(f"tg.{name}: no docstring")
            continue
        try:
            signature = str(inspect.signature(obj)) if callable(obj) else ""
        except (TypeError, ValueError):
            signature = ""
        kind = "class" if inspect.isclass(obj) else "function"
        out += [f"## `tg.{name}{signature}`", "", f"*{kind}*", ""]
        summary, sections, problems = split_sections(doc)
        problems += check_parameters(obj, sections)
        warnings += [f"tg.{name}: {p}" for p in problems]
        out += [summary, ""]
        for section, lines in sections.items():
            out += _markdown(section, lines)
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n", warnings


def main(argv: list[str]) -> int:
    check = "--check" in argv
    targets = [a for a in argv[1:] if a != "--check"]
    if len(targets) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    target = Path(targets[0])
    text, warnings = page()
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if check:
        if warnings:
            return 1
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print(f"{target} is not up to date: run python .ci/api_reference.py {target}",
                  file=sys.stderr)
            return 1
        print(f"{target}: up to date, no warning")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"{target}: written ({len(warnings)} warnings)")
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
