r"""The package version, written once: ``pyproject.toml`` reads it from here (a leaf module).

>>> import re
>>> bool(re.fullmatch(r"\d+\.\d+\.\d+", __version__))
True
"""

__version__ = "0.1.0"
