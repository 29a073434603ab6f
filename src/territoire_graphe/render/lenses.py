"""The lenses of the map (ways of reading it) and the actor flags they rely on.

A lens highlights some actors and lines and dims the rest; the flags are bit masks
so that the page can switch lens without any computation.

>>> normalise_lens("key_players"), normalise_lens("Ponts"), normalise_lens(None)
('mobiliser', 'ponts', None)
>>> normalise_lens("Isolés et liens fragiles")
'isoles'
>>> normalise_lens("change", evolution=True)
'evolution'
"""

from __future__ import annotations

from ..messages import text
from ..text_keys import key

LENSES = ("mobiliser", "isoles", "ponts", "complementarites", "flux")
LENS_BITS = {lens: 1 << i for i, lens in enumerate(LENSES)}
ENGLISH_LENSES = ("key_players", "isolated", "bridges", "complementarities", "flows")
_ALIASES = {
    **{key(en): fr for en, fr in zip(ENGLISH_LENSES, LENSES, strict=True)},
    **{key(fr): fr for fr in LENSES},
    key("qui mobiliser"): "mobiliser",
    key("mobilise"): "mobiliser",
    key("whom to mobilise"): "mobiliser",
    key("isolé"): "isoles",
    key("isolés et liens fragiles"): "isoles",
    key("pont"): "ponts",
    key("complémentarité"): "complementarites",
    key("complementarity"): "complementarites",
    key("flow"): "flux",
}
# The evolution map (``to_html(tg.diff(...))``) has one more lens, after the others.
EVOLUTION_LENS = "evolution"
EVOLUTION_BIT = 1 << len(LENSES)
_EVOLUTION_ALIASES = {key(v) for v in ("evolution", "évolution", "change", "changes")}
_OVERVIEW = {key(v) for v in ("none", "overview", "vue d'ensemble", "aucune", "")}

# Actor flags (bit masks), from the diagnosis.
FLAG_ISOLATED, FLAG_PENDANT, FLAG_ARTICULATION, FLAG_KEY_PLAYER = 1, 2, 4, 8


def normalise_lens(
    lens: str | None, lang: str | None = None, *, evolution: bool = False
) -> str | None:
    """The lens id (``mobiliser``, ``isoles``, ``ponts``, ``complementarites``, ``flux``) or None.

    English ids (``key_players``, ``isolated``, ``bridges``, ``complementarities``,
    ``flows``) and the French titles are accepted, without regard to case or accents;
    None, "none" or "overview" mean the overview (no lens). An unknown lens raises
    ``ValueError`` with a message in ``lang``. With ``evolution`` (maps of a
    :func:`~territoire_graphe.evolution.diff`), ``evolution`` (or ``change``) is accepted too.
    """
    if lens is None:
        return None
    written = key(str(lens))
    if written in _OVERVIEW:
        return None
    if written in _ALIASES:
        return _ALIASES[written]
    if evolution and written in _EVOLUTION_ALIASES:
        return EVOLUTION_LENS
    extra = (EVOLUTION_LENS, "change") if evolution else ()
    raise ValueError(
        text("map.error.lens", lang, value=lens, choices=", ".join(LENSES + ENGLISH_LENSES + extra))
    )
