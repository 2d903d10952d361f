"""``zavu`` is ``zavudev`` under a shorter name (the guide writes ``from zavu import ZavuError``)."""

from zavudev import *  # noqa: F401,F403
from zavudev import __all__, __version__  # noqa: F401
