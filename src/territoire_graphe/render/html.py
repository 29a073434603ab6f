"""The committee map: one self-contained, offline, interactive HTML file.

The file holds everything: the page (our own template, no Bootstrap, no CDN),
vis-network's JavaScript read from the installed pyvis package and inlined with its
licence header, the map data as JSON, and our script. A Content-Security-Policy
forbids every network request and every script but those two (by their SHA-256),
so a name like ``<img src=x onerror=alert(1)>`` in a workbook stays text.

>>> import tempfile, pathlib
>>> from territoire_graphe.model import Territory
>>> from territoire_graphe.diagnosis import diagnose
>>> t = Territory.from_records(
...     actors=[{"id": "a", "name": "Mairie", "type": "commune"},
...             {"id": "b", "name": "Asso <b>", "type": "association"}],
...     relations=[{"source": "a", "target": "b", "type": "coopération", "family": "lien"}],
...     name="Exemple")
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = to_html(t, folder / "carte.html", diagnosis=diagnose(t))
>>> page = path.read_text(encoding="utf-8")
>>> "Asso <b>" in page, "Asso \\\\u003cb\\\\u003e" in page, "cdn" in page.lower()
(False, True, False)
>>> sorted(read_positions(path)) == ["a", "b"]
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..io.guards import bounded_json
from ..io.outputs import write_bytes
from ..messages import text
from ..provenance import output_provenance
from .evolution_map import evolution_map_data, is_evolution
from .lenses import normalise_lens
from .map_data import build_map_data, script_json
from .map_pack import pack_data, split_details, unpack_data
from .people import normalise_people
from .provenance_text import provenance_line

if TYPE_CHECKING:
    from ..diagnosis import Diagnosis
    from ..evolution import Evolution
    from ..model import Territory

VIS_VERSION = "9.1.2"
_DATA_SCRIPT = re.compile(r'<script type="application/json" id="tg-data">(.*?)</script>', re.DOTALL)


def to_html(
    t: Territory | Evolution,
    path: str | Path,
    *,
    diagnosis: Diagnosis | None = None,
    color_by: str | None = "type",
    size_by: str | None = "betweenness",
    lens: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    people: str = "show",
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> Path:
    """Write the interactive map of ``t`` to ``path`` (one self-contained HTML file).

    ``t`` may also be an :class:`~territoire_graphe.evolution.Evolution` (``tg.diff(before,
    after)``): the map then draws the later territory in the shape of the earlier one, with
    the ties made in green, the ties lost in red dashes, the actors who left hollow and grey,
    those who arrived ringed in green, and opens on the "Évolution" lens (``lens="evolution"``
    or ``"change"``; ``"overview"`` for none); ``positions`` then shape the earlier map (see
    :mod:`~.evolution_map`). The page makes no request; its footer and a JSON block
    (``id="tg-provenance"``) say what made it.

    Parameters
    ----------
    t : Territory or Evolution
        What to map (never modified).
    path : str or path-like
        The ``.html`` file to write (replaced if it exists, never half-written).
    diagnosis : Diagnosis, optional
        The diagnosis to show (computed with :func:`~territoire_graphe.diagnose` when None;
        not used for an evolution, which holds both).
    color_by : str or None, default "type"
        ``"type"`` (the vocabulary's colours) or any column of ``diagnosis.actors`` or
        ``t.actors`` (``"municipality"``, ``"community"``...).
    size_by : str or None, default "betweenness"
        A numeric column of ``diagnosis.actors`` (``"degree"``...), or None for equal
        sizes; the area follows the value.
    lens : str, optional
        The reading active on opening: ``"mobiliser"`` (key players), ``"isoles"``,
        ``"ponts"``, ``"complementarites"``, ``"flux"`` (or the English ``"key_players"``,
        ``"isolated"``, ``"bridges"``, ``"complementarities"``, ``"flows"``); None for the
        overview. The reader can switch in the page.
    title : str, optional
        The page's title (default: the catalogue's).
    lang : str, optional
        Language of every text of the page (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).
    people : {"show", "pseudonymise", "hide"}, default "show"
        ``"pseudonymise"``: "Personne 1"...; ``"hide"``: no person's name anywhere in the
        file, for maps shared beyond the team.
    positions : mapping, optional
        Actor id -> (x, y), to keep a territory's shape from one map to the next (e.g.
        ``read_positions("carte_2023.html")``); new actors are placed next to their partners.
        When None, ``x``/``y`` attributes on ``t.graph``'s actor nodes are used if present,
        else a fresh seeded layout.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ValueError
        If ``lens``, ``people``, ``color_by`` or ``size_by`` is not a known value (the message
        lists those that are).

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    >>> page = tg.to_html(t, pathlib.Path(tempfile.mkdtemp()) / "carte.html", lens="ponts")
    >>> text = page.read_text(encoding="utf-8")
    >>> text.startswith("<!DOCTYPE html>"), 'id="tg-provenance"' in text
    (True, True)
    """
    page = render_html(
        t,
        diagnosis=diagnosis,
        color_by=color_by,
        size_by=size_by,
        lens=lens,
        title=title,
        lang=lang,
        people=people,
        positions=positions,
    )
    target = Path(path)
    write_bytes(target, page.encode("utf-8"))  # atomic: never half a file
    return target


def render_html(
    t: Territory | Evolution,
    *,
    diagnosis: Diagnosis | None = None,
    color_by: str | None = "type",
    size_by: str | None = "betweenness",
    lens: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    people: str = "show",
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> str:
    """The map as an HTML string (what :func:`to_html` writes); same options."""
    normalise_people(people, lang)  # fail on a wrong option before any computation
    options = {"people": people, "color_by": color_by, "size_by": size_by, "lens": lens}
    if is_evolution(t):
        inputs, analysis = [t.before.territory, t.after.territory], t.after.provenance
        normalise_lens(lens, lang, evolution=True)
        data = evolution_map_data(
            t,
            color_by=color_by,
            size_by=size_by,
            lens=lens,
            title=title,
            lang=lang,
            people=people,
            positions=positions,
        )
    else:
        territory = t
        normalise_lens(lens, lang)
        if diagnosis is None:
            from ..diagnosis import diagnose

            diagnosis = diagnose(territory, lang=lang)
        inputs, analysis = [territory], diagnosis.provenance
        data = build_map_data(
            territory,
            diagnosis,
            color_by=color_by,
            size_by=size_by,
            lens=lens,
            title=title,
            lang=lang,
            people=people,
            positions=positions,
        )
    code = data["meta"]["lang"]
    drawn, details = split_details(data)  # the cards: read by the page on first need
    record = output_provenance("map", inputs, analysis, lang=code, **options)
    vis_js = _vis_script()
    app_js = _app_script()
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(vis_js)}' '{_sha256(app_js)}'; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    parts = {
        "LANG": code,
        "CSP": csp,
        "GENERATOR": f"territoire_graphe {_version()}",
        "TITLE": html.escape(
            " · ".join(p for p in (data["meta"]["title"], data["meta"]["territory"]) if p)
        ),
        "CSS": _asset("map.css"),
        "NOSCRIPT": html.escape(text("map.noscript", code)),
        "DATA": script_json(pack_data(drawn)),
        "DETAILS": script_json(details),
        "PROVENANCE": script_json(record.to_dict()),
        "ABOUT": html.escape(provenance_line(record, code)),
        "VIS": vis_js,
        "APP": app_js,
    }
    # One pass over the template: inserted text is never searched for placeholders.
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: parts[m.group(1)], _asset("map.html"))


def read_positions(source: str | Path) -> dict[str, tuple[float, float]]:
    """The actors' positions stored in a map written by :func:`to_html` (id -> (x, y)).

    Pass them as ``positions=`` to draw next year's map with the same shape.

    Parameters
    ----------
    source : str or path-like
        A map written by :func:`to_html`.

    Returns
    -------
    dict
        Actor id -> (x, y).

    Raises
    ------
    ValueError
        If the page holds no territoire_graphe map data.
    InputError
        If the map data is nested too deep or holds huge numbers.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    >>> page = tg.to_html(t, pathlib.Path(tempfile.mkdtemp()) / "carte.html")
    >>> positions = tg.read_positions(page)
    >>> len(positions) == len(t.actors)
    True
    """
    page = Path(source).read_text(encoding="utf-8")
    found = _DATA_SCRIPT.search(page)
    if found is None:
        raise ValueError(f"{source}: no territoire_graphe map data found")
    data = unpack_data(bounded_json(found.group(1), display=Path(source).name))
    return {node["id"]: (float(node["x"]), float(node["y"])) for node in data["nodes"]}


# -- assets -----------------------------------------------------------------------------------
@cache
def _asset(name: str) -> str:
    return (resources.files(__package__) / "assets" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _vis_script() -> str:
    """vis-network's minified JavaScript, from the installed pyvis package (licence header kept).

    The file is found without importing pyvis (which would load IPython); if pyvis no
    longer ships it where 0.3.2 does, the error names the installed pyvis.
    """
    code = _pyvis_file("lib", f"vis-{VIS_VERSION}", "vis-network.min.js")
    # Nothing in a script may close the element or open an HTML comment.
    code = re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)
    return code.replace("<!--", "<\\!--")


def _pyvis_file(*parts: str) -> str:
    """The text of a file pyvis ships, read in place: pyvis itself is not imported."""
    import importlib.util
    from importlib.metadata import PackageNotFoundError, version

    spec = importlib.util.find_spec("pyvis")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder).joinpath(*parts)
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        installed = version("pyvis")
    except PackageNotFoundError:
        installed = "-"
    raise RuntimeError(
        text("map.error.vis_missing", None, vis=VIS_VERSION, pyvis=installed, path="/".join(parts))
    )


@lru_cache(maxsize=1)
def _app_script() -> str:
    names = ("map_core.js", "map_draw.js", "map_ui.js", "map_present.js")
    body = "\n".join(_asset(name) for name in names)
    return "(function () {\n" + body + "\n})();"


def _sha256(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("territoire_graphe")
    except Exception:  # not installed (running from a source tree)
        return "dev"


__all__ = ["read_positions", "render_html", "to_html"]
