"""checks: track numeric claims in the news."""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("checks")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = ["__version__"]
