"""Response headers as ``RawResponse.headers`` gives them: a read-only mapping whose lookups
ignore case, like the published SDK's ``httpx.Headers`` (``headers.get("X-Request-Id")``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Optional, Union


class Headers(Mapping[str, str]):
    """Header names in lower case; ``headers["X-Request-Id"]`` and ``headers.get(...)`` ignore
    case. A repeated header keeps its values joined with ``", "``; ``get_list`` gives each."""

    __slots__ = ("_pairs", "_joined")

    def __init__(self, pairs: "list[tuple[str, str]]") -> None:
        self._pairs = [(name.lower(), value) for name, value in pairs]
        joined: dict[str, str] = {}
        for name, value in self._pairs:
            joined[name] = f"{joined[name]}, {value}" if name in joined else value
        self._joined = joined

    def __getitem__(self, name: str) -> str:
        return self._joined[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._joined

    def __iter__(self) -> Iterator[str]:
        return iter(self._joined)

    def __len__(self) -> int:
        return len(self._joined)

    def get_list(self, name: str) -> list[str]:
        """Every value of header ``name``, in the order received."""
        wanted = name.lower()
        return [value for key, value in self._pairs if key == wanted]

    def get(self, name: str, default: Union[str, None] = None) -> Optional[str]:  # type: ignore[override]
        return self._joined.get(name.lower(), default)

    def __repr__(self) -> str:
        return f"Headers({self._joined!r})"
