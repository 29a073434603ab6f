"""Collecting the data of a territory: questionnaires, answers, name matching, merging sources.

- :func:`write_questionnaire`: per-actor workbooks or one XLSForm, from a roster;
- :func:`read_survey`: answers back (questionnaires, form-tool exports) -> :class:`Survey`;
- :func:`merge`: several territories (lists, last year's map) -> :class:`Merge`;
- :class:`~.names.Matcher`: names matched as a person would (also used by ``check``).
"""

from __future__ import annotations

from .questionnaire import write_questionnaire
from .survey import Survey, read_survey
from .workbook import write_territory

__all__ = ["Survey", "read_survey", "write_questionnaire", "write_territory"]
