"""The coroutine every async method returns (see ``bridge::lazy`` in the native module)."""

from typing import Any, Awaitable, Callable


async def call(start: Callable[[], Awaitable[Any]]) -> Any:
    # The native call starts here, on the first await, not when the method is called: a
    # forgotten ``await`` creates nothing.
    return await start()
