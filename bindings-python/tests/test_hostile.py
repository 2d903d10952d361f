"""The Python runner of tests/conformance/hostile/arguments.json: every bad value a Python caller
can pass is refused where it crosses into the SDK, as InvalidRequestError naming the argument in
Python's spelling, and nothing reaches the sandbox.
"""

from __future__ import annotations

import asyncio
import json
import math
from typing import Any

import pytest

import zavudev
from conftest import ROOT, Sandbox

HOSTILE = json.loads((ROOT / "tests" / "conformance" / "hostile" / "arguments.json").read_text())
CASES = [(case, bad) for case in HOSTILE["cases"] for bad in case["bad"]]
# Construction and webhooks have no async form; the async client runs every other case again.
RUNS = [(case, bad, False) for case, bad in CASES] + [
    (case, bad, True)
    for case, bad in CASES
    if case["call"] != "client.new" and not case["call"].startswith("webhooks.")
]


def native_value(kind: str, bad: str) -> Any:
    """The Python value of each (type, bad) pair, per tests/conformance/README.md."""
    table: dict[tuple[str, str], Any] = {
        ("integer", "wrong_type"): "7",
        ("integer", "negative"): -1,
        ("integer", "fractional"): 2.5,
        ("integer", "nan"): math.nan,
        ("integer", "infinite"): math.inf,
        ("integer", "too_large"): 10**20,
        ("seconds", "wrong_type"): "60",
        ("seconds", "negative"): -1.0,
        ("seconds", "nan"): math.nan,
        ("seconds", "infinite"): math.inf,
        ("seconds", "too_large"): 1e300,
        ("string", "wrong_type"): 123,
        ("string", "empty"): "",
        ("string", "too_long"): "x" * 100_000,
        ("string_list", "wrong_type"): "US",
        ("string_list", "wrong_container"): {"US": True},
        ("string_list", "wrong_item"): [123],
        ("boolean", "wrong_type"): "yes",
        ("headers", "wrong_container"): ["X-A: 1"],
        ("headers", "wrong_item"): {"X-A": 1},
        ("body", "wrong_type"): {"id": "evt_1"},
    }
    return table[(kind, bad)]


def snake(name: str) -> str:
    return zavudev._native._param_name(name)


@pytest.fixture(scope="module")
def hostile_sandbox():
    sandbox = Sandbox()
    yield sandbox
    sandbox.stop()


def call(sandbox: Sandbox, case: dict[str, Any], value: Any, asynchronous: bool) -> None:
    name = case["call"]
    args = {snake(k): v for k, v in (case.get("args") or {}).items()}
    args[snake(case["param"])] = value
    base = {"api_key": sandbox.api_key, "base_url": sandbox.base_url, "max_retries": 0}
    if name == "client.new":
        zavudev.Zavudev(**{**base, **args})
        return
    hooks = zavudev.Webhooks()
    if name == "webhooks.unwrap":
        hooks.unwrap(args["payload"], args["signature"], args["secret"])
        return
    if name == "webhooks.sign":
        hooks.sign(args["payload"], args["secret"], timestamp=args.get("timestamp"), scheme=args.get("scheme"))
        return
    resource, method = name.split(".")
    method = {"waitForCompletion": "wait_for_completion", "createWebhook": "create_webhook",
              "updateWebhook": "update_webhook"}.get(method, method)
    resource = {"phoneNumbers": "phone_numbers"}.get(resource, resource)
    if asynchronous:
        async def run() -> None:
            async with zavudev.AsyncZavudev(**base) as client:
                await getattr(getattr(client, resource), method)(**args)

        asyncio.run(run())
    else:
        with zavudev.Zavudev(**base) as client:
            getattr(getattr(client, resource), method)(**args)


@pytest.mark.parametrize(
    "case,bad,asynchronous",
    RUNS,
    ids=[f"{c['call']}.{c['param']}.{bad}.{'async' if a else 'sync'}" for c, bad, a in RUNS],
)
def test_hostile_argument_is_refused_by_name(hostile_sandbox, case, bad, asynchronous) -> None:
    value = native_value(case["type"], bad)
    with pytest.raises(zavudev.InvalidRequestError) as caught:
        call(hostile_sandbox, case, value, asynchronous)
    error = caught.value
    assert type(error) is zavudev.InvalidRequestError, repr(error)
    assert error.code == HOSTILE["expect"]["code"]
    assert error.kind == HOSTILE["expect"]["kind"]
    assert error.param == snake(case["param"]), repr(error)
    # A 100 KB argument never becomes a 100 KB message.
    assert len(str(error)) < 500


def test_nothing_reached_the_sandbox(hostile_sandbox) -> None:
    for case, bad in CASES:
        try:
            call(hostile_sandbox, case, native_value(case["type"], bad), asynchronous=False)
        except zavudev.ZavudevError:
            pass
    sent = [r for r in hostile_sandbox.requests() if r["path"].startswith("/v1/")]
    assert sent == []
