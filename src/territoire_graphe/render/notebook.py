"""Jupyter display: the HTML summaries of a Territory and a Diagnosis, and the map inline.

Everything from the workbook is escaped: names are data, never markup. Texts are
in French unless ``lang`` (or ``TERRITOIRE_GRAPHE_LANG``) says otherwise; a
Diagnosis speaks the language its findings were written in.

:func:`show` puts the interactive map in the notebook as an ``<iframe srcdoc>``
holding the very page :func:`~territoire_graphe.to_html` writes: no widget, no
server, no network, so it works offline in JupyterLab, the classic notebook and
VS Code (like any HTML output, once the cell has run or the notebook is trusted).

>>> import territoire_graphe as tg
>>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "A", "type": "commune"}],
...                               name="<b>X</b>")
>>> "<b>X</b>" in territory_html(t), "&lt;b&gt;X&lt;/b&gt;" in territory_html(t)
(False, True)
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from .._renderers import provides
from ..messages import format_number, has_text, locale_for, resolve_lang, text

if TYPE_CHECKING:
    from ..diagnosis import Diagnosis
    from ..model import Territory

_STYLE = (
    "font-family:system-ui,sans-serif;font-size:13px;line-height:1.45;"
    "max-width:60em;border-left:4px solid #0072B2;padding:4px 12px"
)
_CELL = "padding:1px 10px 1px 0;text-align:left;white-space:nowrap;font-size:inherit"
_OPTIONAL = ("collectives", "memberships", "resources", "needs", "people", "warnings")
_HEADLINE = ("actors", "ties", "density", "components", "isolated", "communities", "modularity")
MAX_TYPES = 12


# -- the map inline ---------------------------------------------------------------------------
class MapFrame:
    """The map as notebook output, when IPython is not there: ``_repr_html_`` and ``data``."""

    def __init__(self, data: str):
        self.data = data

    def _repr_html_(self) -> str:
        return self.data

    def __repr__(self) -> str:
        return f"<MapFrame: {len(self.data)} characters of HTML>"


def show(
    t: Territory, *, diagnosis: Diagnosis | None = None, height: int = 650, **map_options: Any
) -> Any:
    """Display the interactive map of ``t`` in a notebook cell (return it as the cell's value).

    The page runs in a sandboxed frame (scripts only: it cannot reach the notebook) and
    makes no request.

    Parameters
    ----------
    t : Territory or Evolution
        Anything :func:`~territoire_graphe.to_html` maps (such as the evolution returned
        by ``tg.diff``).
    diagnosis : Diagnosis, optional
        As for :func:`~territoire_graphe.to_html` (computed when None).
    height : int, default 650
        The frame's height in pixels (its width follows the notebook's).
    **map_options
        Those of :func:`~territoire_graphe.to_html` (``color_by``, ``size_by``, ``lens``,
        ``title``, ``lang``, ``people``, ``positions``).

    Returns
    -------
    IPython.display.HTML or object
        An ``IPython.display.HTML`` when IPython is installed, else an object with
        ``_repr_html_``.

    Raises
    ------
    ValueError
        If a map option is not a known value.

    Examples
    --------
    >>> from territoire_graphe.model import Territory
    >>> t = Territory.from_records(actors=[{"id": "a", "name": "A & <B>", "type": "commune"}])
    >>> frame = show(t, height=400)
    >>> html = frame._repr_html_() if hasattr(frame, "_repr_html_") else frame.data
    >>> html.count("<iframe"), 'height:400px' in html, "A & <B>" in html
    (1, True, False)
    """
    from .html import render_html

    if isinstance(height, bool) or not isinstance(height, int | float) or height <= 0:
        raise ValueError(f"height must be a positive number of pixels, not {height!r}")
    page = render_html(t, diagnosis=diagnosis, **map_options)
    lang = resolve_lang(map_options.get("lang") or getattr(diagnosis, "lang", None))
    shown = getattr(getattr(t, "after", None), "territory", t)  # a diff: the later territory
    label = " · ".join(
        str(p)
        for p in (
            map_options.get("title") or text("map.default_title", lang),
            getattr(shown, "name", None),
        )
        if p
    )
    frame = (
        f'<div class="territoire-graphe-map"><iframe srcdoc="{escape(page, quote=True)}" '
        f'title="{escape(label, quote=True)}" sandbox="allow-scripts" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd;'
        'border-radius:4px;background:#fff" loading="eager"></iframe></div>'
    )
    try:
        from IPython.display import HTML
    except ImportError:
        return MapFrame(frame)
    return HTML(frame)


# -- rich summaries ---------------------------------------------------------------------------
def _swatch(color: str) -> str:
    return (
        f'<span style="display:inline-block;width:10px;height:10px;border-radius:50%;'
        f'background:{escape(color)};margin-right:4px"></span>'
    )


@provides("territory.html")
def territory_html(t: Territory, lang: str | None = None) -> str:
    """A compact HTML card: name, date, source, counts, actor types, first warnings."""
    lang = resolve_lang(lang)
    summary = t.summary()
    head = [f"<strong>{escape(text('summary.title', lang, name=t.name))}</strong>"]
    if t.date is not None:
        head.append(escape(text("summary.date", lang, date=_date(t.date, lang))))
    if t.source:
        head.append(escape(text("summary.source", lang, source=_file_name(t.source))))
    keys = ["actors", "relations"]
    if summary["relations"]:
        keys += [k for k in ("ties", "flows", "dependencies") if summary[k]]
    keys += [k for k in _OPTIONAL if summary[k]]
    header = "".join(
        f"<th style='{_CELL};font-weight:normal;color:#555'>"
        f"{escape(text('summary.row.' + k, lang))}</th>"
        for k in keys
    )
    values = "".join(
        f"<td style='{_CELL}'><strong>{escape(format_number(int(summary[k]), lang))}</strong></td>"
        for k in keys
    )
    types: Any = t.actors["type"].fillna("").astype(str).value_counts() if len(t.actors) else {}
    items = [
        f"<span style='white-space:nowrap'>{_swatch(t.vocabulary.color(name))}"
        f"{escape(_type_label(t, name, lang))} ({int(count)})</span>"
        for name, count in list(types.items())[:MAX_TYPES]
    ]
    if len(types) > MAX_TYPES:
        items.append("…")
    warnings = ""
    if t.warnings:
        shown = "".join(f"<li>{escape(str(w))}</li>" for w in t.warnings[:5])
        more = (
            (f"<li>{escape(text('summary.more_warnings', lang, count=len(t.warnings) - 5))}</li>")
            if len(t.warnings) > 5
            else ""
        )
        warnings = (
            f"<details><summary>{escape(text('summary.warnings', lang, count=len(t.warnings)))}"
            f"</summary><ul>{shown}{more}</ul></details>"
        )
    return (
        f"<div style='{_STYLE}'><div>{' · '.join(head)}</div>"
        f"<table style='margin:6px 0;border-collapse:collapse'><tr>{header}</tr>"
        f"<tr>{values}</tr></table>"
        f"<div><em>{escape(text('summary.types', lang))}</em>{locale_for(lang).colon}"
        f"{' '.join(items)}</div>"
        f"{warnings}</div>"
    )


@provides("diagnosis.html")
def diagnosis_html(d: Diagnosis, lang: str | None = None, *, max_findings: int = 6) -> str:
    """The diagnosis at a glance: headline figures, most central actors, first findings."""
    lang = resolve_lang(lang or d.lang)
    indicators = d.indicators
    sep = locale_for(lang).colon
    headline = " · ".join(
        f"{escape(_indicator_label(k, lang))}{sep}<strong>{escape(_fmt(indicators[k], lang))}</strong>"
        for k in _HEADLINE
        if k in indicators.index
    )
    every = "".join(
        f"<tr><td style='{_CELL}'>{escape(_indicator_label(str(k), lang))}</td>"
        f"<td style='text-align:right'>{escape(_fmt(v, lang))}</td></tr>"
        for k, v in indicators.items()
    )
    findings = d.findings
    if "priority" in findings.columns:
        findings = findings.sort_values("priority", kind="stable")
    rows = "".join(
        f"<li><strong>{escape(str(row.get('category', '')))}</strong> — "
        f"{escape(str(row.get('text', '')))}</li>"
        for _, row in findings.head(max_findings).iterrows()
    )
    more = ""
    if len(findings) > max_findings:
        more = f"<p style='margin:0;color:#555'>{escape(text('notebook.more_findings', lang, n=len(findings) - max_findings))}</p>"
    central = ""
    if "betweenness" in d.actors.columns and len(d.actors):
        top = d.actors.sort_values("betweenness", ascending=False, kind="stable").head(5)
        central = (
            f"<div><em>{escape(text('diagnosis.top', lang))}</em>{sep}"
            f"{escape(', '.join(str(n) for n in top['name']))}</div>"
        )
    return (
        f"<div style='{_STYLE}'><div><strong>"
        f"{escape(text('diagnosis.title', lang, name=d.territory.name))}</strong></div>"
        f"<div>{headline}</div>{central}"
        f"<div><em>{escape(text('diagnosis.findings', lang))}</em>"
        f"<ol style='margin:2px 0 2px 1.2em;padding:0'>{rows}</ol>{more}</div>"
        f"<details><summary>{escape(text('notebook.more_indicators', lang))}</summary>"
        f"<table style='border-collapse:collapse'>{every}</table></details></div>"
    )


def _indicator_label(name: str, lang: str) -> str:
    """The indicator's name as the report workbook writes it (``report.ind.*``)."""
    key = f"report.ind.{name}"
    return text(key, lang) if has_text(key) else name


def _fmt(value: Any, lang: str) -> str:
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, lang, decimals=None if float(value).is_integer() else 3)
    return str(value)


def _date(date: Any, lang: str) -> str:
    return locale_for(lang).date(date) or ""


def _file_name(source: Any) -> str:
    from pathlib import PurePath

    return PurePath(str(source)).name


def _type_label(t: Territory, name: str, lang: str) -> str:
    entry = t.vocabulary.actor(name)
    return entry.label(lang) if entry else str(name)


__all__ = ["MapFrame", "diagnosis_html", "show", "territory_html"]
