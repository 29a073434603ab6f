"""``write_questionnaire``: the questionnaires of a survey, from a roster.

>>> import tempfile, territoire_graphe as tg
>>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
>>> with tempfile.TemporaryDirectory() as folder:
...     paths = write_questionnaire(t, folder, form="excel")
...     form = write_questionnaire(t, f"{folder}/kobo.xlsx", form="xlsform")
>>> len(paths) == len(t.actors), form.name
(True, 'kobo.xlsx')
"""

from __future__ import annotations

import os
from pathlib import Path

from ..io import read
from ..messages import resolve_lang
from ..model import Territory
from .questionnaire_excel import write_workbooks
from .xlsform import write_xlsform


def write_questionnaire(
    t: Territory | str | os.PathLike[str],
    path: str | os.PathLike[str],
    *,
    form: str = "excel",
    lang: str | None = None,
    sender: str | None = None,
    contact: str | None = None,
) -> list[Path] | Path:
    """Write the questionnaires of a survey of the actors of ``t`` (a roster).

    Parameters
    ----------
    t : Territory or path
        The roster: the actors to survey.
    path : str or path-like
        ``form="excel"``: the folder of the workbooks; ``form="xlsform"``: the ``.xlsx``
        XLSForm (a folder gets ``questionnaire_kobo.xlsx`` inside).
    form : {"excel", "xlsform"}, default "excel"
        One workbook per actor, or one XLSForm for KoboToolbox / ODK / Enketo.
    lang : str, optional
        Language of the texts (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).
    sender, contact : str, optional
        Who sends it (a name, an organisation) and how to reply (an e-mail address, a
        phone number), printed at the top of each workbook and in the form's opening
        note; without them nothing is printed.

    Returns
    -------
    list of Path or Path
        The workbooks, in roster order (``"excel"``); the XLSForm (``"xlsform"``).

    Raises
    ------
    ValueError
        If ``form`` is neither ``"excel"`` nor ``"xlsform"``.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "Mairie", "type": "commune"},
    ...     {"id": "b", "name": "Asso", "type": "association"}], name="T")
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in tg.write_questionnaire(t, folder / "q")]
    ['questionnaire_mairie.xlsx', 'questionnaire_asso.xlsx']
    >>> tg.write_questionnaire(t, folder / "kobo.xlsx", form="xlsform").name
    'kobo.xlsx'
    """
    lang = resolve_lang(lang)
    roster = t if isinstance(t, Territory) else read(t, lang=lang)
    target = Path(path)
    if form == "excel":
        return write_workbooks(roster, target, lang=lang, sender=sender, contact=contact)
    if form == "xlsform":
        if target.suffix.lower() != ".xlsx":
            target.mkdir(parents=True, exist_ok=True)
            target = target / "questionnaire_kobo.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        return write_xlsform(roster, target, lang=lang, sender=sender, contact=contact)
    raise ValueError(f"form must be 'excel' or 'xlsform', not {form!r}")
