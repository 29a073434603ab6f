"""Rich display in Jupyter: the HTML summaries of a Territory and a Diagnosis.

Everything from the workbook is escaped: names are data, never markup.

>>> import territoire_graphe as tg
>>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "A", "type": "commune"}],
...                               name="<b>X</b>")
>>> "<b>X</b>" in territory_html(t), "&lt;b&gt;X&lt;/b&gt;" in territory_html(t)
(False, True)
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from ..messages import format_number, resolve_lang, text

if TYPE_CHECKING:
    from ..diagnosis import Diagnosis
    from ..model import Territory

_STYLE = ("font-family:system-ui,sans-serif;font-size:13px;line-height:1.4;"
          "max-width:56em;border-left:4px solid #0072B2;padding:4px 12px")


def _swatch(color: str) -> str:
    return (f'<span style="display:inline-block;width:10px;height:10px;border-radius:50%;'
            f'background:{escape(color)};margin-right:4px"></span>')


def territory_html(t: Territory, lang: str | None = None) -> str:
    """A compact HTML card: name, date, counts per table, actor types, first warnings."""
    lang = resolve_lang(lang)
    summary = t.summary()
    head = [f"<strong>{escape(text('summary.title', lang, name=t.name))}</strong>"]
    if t.date is not None:
        head.append(escape(text("summary.date", lang, date=t.date.date().isoformat())))
    if t.source:
        head.append(escape(text("summary.source", lang, source=str(t.source))))
    rows = "".join(
        f"<tr><td>{escape(text('summary.row.' + key, lang))}</td>"
        f"<td style='text-align:right'>{escape(format_number(int(value), lang))}</td></tr>"
        for key, value in summary.items())
    types = t.actors["type"].value_counts() if len(t.actors) else {}
    type_items = " ".join(
        f"<span style='white-space:nowrap'>{_swatch(t.vocabulary.color(name))}"
        f"{escape(_type_label(t, name, lang))} ({int(count)})</span>"
        for name, count in types.items())
    warnings = ""
    if t.warnings:
        shown = "".join(f"<li>{escape(str(w))}</li>" for w in t.warnings[:5])
        more = (f"<li>{escape(text('summary.more_warnings', lang, count=len(t.warnings) - 5))}"
                "</li>") if len(t.warnings) > 5 else ""
        warnings = (f"<details><summary>{escape(text('summary.warnings', lang, count=len(t.warnings)))}"
                    f"</summary><ul>{shown}{more}</ul></details>")
    return (f"<div style='{_STYLE}'><div>{' · '.join(head)}</div>"
            f"<table style='margin:6px 0'>{rows}</table>"
            f"<div><em>{escape(text('summary.types', lang))}</em> : {type_items}</div>"
            f"{warnings}</div>")


def diagnosis_html(d: Diagnosis, lang: str | None = None, *, max_findings: int = 12) -> str:
    """The diagnosis at a glance: indicators, findings by priority, the most central actors."""
    lang = resolve_lang(lang or d.lang)
    indicators = "".join(
        f"<tr><td>{escape(str(k))}</td><td style='text-align:right'>"
        f"{escape(_fmt(v, lang))}</td></tr>" for k, v in d.indicators.items())
    findings = "".join(
        f"<li><strong>{escape(str(row['category']))}</strong> — {escape(str(row['text']))}</li>"
        for _, row in d.findings.head(max_findings).iterrows())
    top = d.actors.sort_values("betweenness", ascending=False, kind="stable").head(5)
    central = ", ".join(escape(str(n)) for n in top["name"])
    return (f"<div style='{_STYLE}'><strong>"
            f"{escape(text('diagnosis.title', lang, name=d.territory.name))}</strong>"
            f"<details><summary>{escape(text('diagnosis.indicators', lang))}</summary>"
            f"<table>{indicators}</table></details>"
            f"<div><em>{escape(text('diagnosis.top', lang))}</em> : {central}</div>"
            f"<div><em>{escape(text('diagnosis.findings', lang))}</em><ol>{findings}</ol></div>"
            "</div>")


def _fmt(value: Any, lang: str) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, lang, decimals=None if float(value).is_integer() else 3)
    return str(value)


def _type_label(t: Territory, name: str, lang: str) -> str:
    entry = t.vocabulary.actor(name)
    return entry.label(lang) if entry else str(name)
