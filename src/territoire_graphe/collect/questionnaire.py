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

    ``form="excel"``: one workbook per actor in the folder ``path`` (returns their paths,
    in roster order); ``form="xlsform"``: one XLSForm for KoboToolbox / ODK / Enketo at
    ``path`` (an .xlsx; a folder gets ``questionnaire_kobo.xlsx`` inside). Texts in ``lang``
    (French by default). ``sender`` (who sends it: a name, an organisation) and ``contact``
    (how to reply: an e-mail address, a phone number) are printed at the top of each
    workbook and in the form's opening note; without them nothing is printed.
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
