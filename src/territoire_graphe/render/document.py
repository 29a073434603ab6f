"""The committee's document: a diagnosis as an editable Word / LibreOffice file (.docx).

What an officer sends before a steering committee (COPIL), in this order: a title page
(name, date, perimeter, source), one page of key figures in words with the priority
findings, the five questions of the field (mobilisation, interconnaissance,
complementarities, fragility, change), each with its findings in priority order, the
actors they name and a small map focused on them; the table of the main actors; a
method page (what was measured, on which relations, how to read each figure, the
limits); the reading warnings. The words are in :mod:`.document_text`, the map
images in :mod:`.document_map`; this module lays them out with python-docx.

The file is deterministic (fixed dates in the archive and the properties) and names no
person with ``people="hide"``. Without matplotlib (the extra ``image``) the document
is written without map images, and says how to get them.

>>> import tempfile, pathlib, territoire_graphe as tg
>>> d = tg.diagnose(tg.read(tg.sample_path("colombelles_tzcld.xlsx")))
>>> path = to_docx(d, pathlib.Path(tempfile.mkdtemp()) / "diagnostic.docx")
>>> import docx
>>> docx.Document(str(path)).paragraphs[0].text
"Diagnostic du réseau d'acteurs"
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..messages import resolve_lang, text
from ..provenance import output_provenance
from ..stable_xlsx import FIXED_TIME, stable_zip
from .document_text import DocumentText, Question
from .people import normalise_people
from .provenance_text import provenance_line

if TYPE_CHECKING:
    from ..diagnosis import Diagnosis
    from ..evolution import Evolution

FONT = "Calibri"
ACCENT = (0x1F, 0x4E, 0x79)
MUTED = (0x59, 0x59, 0x59)
IMAGE_WIDTH_CM = 16.0
_LANG_TAGS = {"fr": "fr-FR", "en": "en-GB"}


def to_docx(
    d: Diagnosis,
    path: str | Path,
    *,
    lang: str | None = None,
    people: str = "show",
    images: bool = True,
    evolution: Evolution | None = None,
) -> Path:
    """Write the committee's document of a diagnosis to ``path`` (.docx) and return the path.

    The five questions of the committee with their findings and map images, the key
    figures, the actors to know, the method (with the provenance) and the reading warnings.
    The diagnosis is not modified.

    Parameters
    ----------
    d : Diagnosis
        What :func:`~territoire_graphe.diagnose` returned.
    path : str or path-like
        The ``.docx`` file to write (replaced if it exists).
    lang : str, optional
        ``"fr"`` or ``"en"``: every text (default: the diagnosis' language; findings keep
        the language they were written in).
    people : {"show", "pseudonymise", "hide"}, default "show"
        As for the map: pseudonyms, or no person's name anywhere in the document.
    images : bool, default True
        False leaves the map images out (faster; also what happens without matplotlib).
    evolution : Evolution, optional
        From :func:`~territoire_graphe.diff` of an earlier workbook and this one: fills the
        fifth question, change, with its findings.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ValueError
        If ``lang`` or ``people`` is not a known value.
    ImportError
        Naming the package when python-docx is missing.

    Examples
    --------
    >>> import tempfile, pathlib, docx, territoire_graphe as tg
    >>> d = tg.diagnose(tg.read(tg.sample_path("colombelles_tzcld.xlsx")))
    >>> path = tg.to_docx(d, pathlib.Path(tempfile.mkdtemp()) / "note.docx", images=False)
    >>> docx.Document(str(path)).paragraphs[0].text != ""
    True
    """
    code = resolve_lang(lang or d.lang)
    mode = normalise_people(people, code)
    docx = _python_docx(code)
    content = DocumentText(d, code, mode, evolution)
    document = docx.Document()
    _setup(document, content, code)
    pictures = _pictures(d, code, mode) if images else None
    _title_page(document, content, pictures)
    _key_figures(document, content)
    for number, question in enumerate(content.questions(), start=1):
        _question(document, content, number, question, pictures, images)
    _top_actors(document, content)
    _method(document, content)
    _provenance(document, d, evolution, code, people=mode, images=images)
    _warnings(document, content)
    target = Path(path)
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(stable_zip(buffer.getvalue()))
    return target


def _python_docx(code: str) -> Any:
    try:
        import docx
    except ImportError as error:  # pragma: no cover - a core dependency
        raise ImportError(text("doc.error.python_docx", code), name="docx") from error
    return docx


def _pictures(d: Diagnosis, code: str, mode: str) -> Any:
    from .document_map import focus_images
    from .map_data import build_map_data

    try:
        from .image import _matplotlib

        _matplotlib(code)
    except ImportError:
        return None
    return focus_images(build_map_data(d.territory, d, lang=code, people=mode), code)


# -- page setup -------------------------------------------------------------------------------
def _setup(document: Any, content: DocumentText, code: str) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    properties = normal.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.set(qn("w:eastAsia"), FONT)
    language = properties.makeelement(qn("w:lang"), {qn("w:val"): _LANG_TAGS[code]})
    properties.append(language)
    normal.paragraph_format.space_after = Pt(6)
    for level in (1, 2):
        heading = document.styles[f"Heading {level}"]
        heading.font.name, heading.font.color.rgb = FONT, RGBColor(*ACCENT)
        heading.font.size = Pt(16 if level == 1 else 13)
    core = document.core_properties
    core.title = content.text("doc.kicker") + " – " + content.title()
    core.subject, core.author = content.text("doc.subject"), "territoire_graphe"
    core.last_modified_by, core.comments, core.keywords = "territoire_graphe", "", ""
    core.language, core.revision = _LANG_TAGS[code], 1
    core.created = core.modified = core.last_printed = FIXED_TIME
    _footer(section, content.title())


def _footer(section: Any, title: str) -> None:
    """The title and the page number at the foot of every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(f"{title} · ")
    run.font.size, run.font.color.rgb = Pt(8.5), RGBColor(*MUTED)
    number = paragraph.add_run()
    number.font.size, number.font.color.rgb = Pt(8.5), RGBColor(*MUTED)
    for kind, value in (("begin", None), ("instr", " PAGE "), ("separate", None), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = value
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        number._r.append(element)
        if kind == "separate":
            shown = OxmlElement("w:t")
            shown.text = "1"
            number._r.append(shown)


# -- pieces of text ---------------------------------------------------------------------------
def _paragraph(
    document: Any,
    words: str,
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    muted: bool = False,
    style: str | None = None,
    space_after: float | None = None,
    align: str | None = None,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    paragraph = document.add_paragraph(style=style)
    run = paragraph.add_run(words)
    run.bold, run.italic = bold or None, italic or None
    if size is not None:
        run.font.size = Pt(size)
    if muted:
        run.font.color.rgb = RGBColor(*MUTED)
    if space_after is not None:
        paragraph.paragraph_format.space_after = Pt(space_after)
    if align == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _bullets(document: Any, lines: list[str]) -> None:
    for line in lines:
        _paragraph(document, line, style="List Bullet", space_after=3)


def _page_break(document: Any) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _table(
    document: Any, header: list[str], rows: list[list[str]], widths: list[float] | None = None
) -> None:
    from docx.shared import Cm, Pt

    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles["Light Grid Accent 1"]
    for cell, label in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(label)
        run.bold, run.font.size = True, Pt(9.5)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(value).font.size = Pt(9.5)
    if widths:
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)


# -- the parts --------------------------------------------------------------------------------
def _title_page(document: Any, content: DocumentText, pictures: Any) -> None:
    from docx.shared import Pt

    _paragraph(document, content.text("doc.kicker"), size=14, muted=True, space_after=4)
    _paragraph(document, content.title(), size=28, bold=True, space_after=24)
    if pictures is not None:
        from docx.shared import Cm

        document.add_picture(io.BytesIO(pictures.overview()), width=Cm(IMAGE_WIDTH_CM))
    for label, value in content.identity():
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(4)
        head = paragraph.add_run(f"{label}{content.text('doc.colon')}")
        head.bold = True
        paragraph.add_run(value)
    _paragraph(document, "", space_after=36)
    for line in content.prepared():
        _paragraph(document, line, italic=True, muted=True, size=10)
    _page_break(document)


def _key_figures(document: Any, content: DocumentText) -> None:
    document.add_heading(content.text("doc.figures.title"), level=1)
    _bullets(document, content.key_figures())
    found = content.findings()
    if found:
        document.add_heading(content.text("doc.priorities.title"), level=2)
        for number, finding in enumerate(found[:3], start=1):
            _paragraph(document, f"{number}. {finding['text']}", space_after=4)
    _page_break(document)


def _question(
    document: Any,
    content: DocumentText,
    number: int,
    question: Question,
    pictures: Any,
    images: bool,
) -> None:
    document.add_heading(f"{number}. {question.title}", level=1)
    asked = _paragraph(document, question.question, italic=True, muted=True)
    asked.paragraph_format.keep_with_next = True
    if not question.findings:
        _paragraph(
            document,
            content.text(
                f"doc.q.{question.key}.none" if question.key == "evolution" else "doc.q.none"
            ),
        )
        return
    for rank, finding in enumerate(question.findings, start=1):
        paragraph = _paragraph(document, f"{rank}. {finding['text']}", space_after=1)
        paragraph.paragraph_format.keep_with_next = bool(finding["names"])
        if finding["names"]:
            _paragraph(
                document, content.actors_named(finding["names"]), size=9, muted=True, space_after=6
            )
    if pictures is not None:
        png = pictures.png(question.actors)
        if png is not None:
            from docx.shared import Cm

            document.add_picture(io.BytesIO(png), width=Cm(IMAGE_WIDTH_CM))
            _paragraph(document, content.text("doc.image.caption"), size=9, italic=True, muted=True)
    elif images and question.actors:
        _paragraph(document, content.text("doc.image.missing"), size=9, italic=True, muted=True)


def _top_actors(document: Any, content: DocumentText) -> None:
    header, rows = content.top_actors()
    _page_break(document)
    document.add_heading(content.text("doc.top.title"), level=1)
    if not rows:
        _paragraph(document, content.text("doc.q.none"))
        return
    _paragraph(document, content.text("doc.top.intro", n=len(rows)))
    _table(document, header, rows, widths=[4.0, 2.8, 2.6, 2.3, 2.5, 2.4])


def _method(document: Any, content: DocumentText) -> None:
    method = content.method()
    _page_break(document)
    document.add_heading(content.text("doc.method.title"), level=1)
    for line in method["measured"]:
        _paragraph(document, line)
    document.add_heading(content.text("doc.method.read_title"), level=2)
    _bullets(document, method["read"])
    document.add_heading(content.text("doc.method.limits_title"), level=2)
    _bullets(document, method["limits"])
    for line in method["versions"]:
        _paragraph(document, line, size=9, muted=True)


def _provenance(
    document: Any, d: Diagnosis, evolution: Evolution | None, code: str, **options: Any
) -> None:
    """The output's provenance at the end of the method: one line for the reader, then the
    record (JSON) in small print, where a program reads it back."""
    inputs = [d.territory] if evolution is None else [evolution.before.territory, d.territory]
    record = output_provenance("document", inputs, d.provenance, lang=code, **options)
    _paragraph(document, provenance_line(record, code), size=9, muted=True)
    label = text("provenance.record", code)
    _paragraph(document, f"{label}{text('doc.colon', code)}{record.to_json()}", size=7, muted=True)


def _warnings(document: Any, content: DocumentText) -> None:
    intro, lines = content.warnings()
    document.add_heading(content.text("doc.warnings.title"), level=1)
    _paragraph(document, intro)
    for line in lines:
        _paragraph(document, line, style="List Bullet", size=9.5, space_after=2)


__all__ = ["to_docx"]
