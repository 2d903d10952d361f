"""The Python runner of tests/conformance/: every scenario against a fresh sandbox, through the
sync client and again through the async client.

Each call name maps to the idiomatic Python API (camelCase args become snake_case keyword
arguments; milliseconds become seconds); results are turned back into the wire JSON (camelCase)
and matched as tests/conformance/README.md describes.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import re
import time
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

import zavudev
from conftest import ROOT, Sandbox

SCENARIOS = sorted((ROOT / "tests" / "conformance" / "scenarios").glob("*.json"))


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def wire(value: Any) -> Any:
    """A Python result as the wire JSON: models via to_dict() with camelCase keys."""
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    if isinstance(value, dict):
        return {camel(k): wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [wire(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value


def kwargs(args: dict[str, Any]) -> dict[str, Any]:
    return {snake(k): v for k, v in args.items()}


def seconds(ms: Optional[int]) -> Optional[float]:
    return None if ms is None else ms / 1000


# ---------------------------------------------------------------------------------------------
# Matching (tests/conformance/README.md)


def matches(expected: Any, actual: Any, at: str) -> None:
    def fail(why: str) -> None:
        raise AssertionError(f"at {at}: {why}")

    if expected == "$any":
        return
    if expected == "$present":
        if actual is None:
            fail("expected a value, got nothing")
        return
    if expected == "$absent":
        if actual is not None:
            fail(f"expected nothing, got {actual!r}")
        return
    if isinstance(expected, dict) and any(k.startswith("$") for k in expected):
        for key, arg in expected.items():
            if key == "$len":
                length = len(actual) if isinstance(actual, (list, str)) else None
                if length != arg:
                    fail(f"expected length {arg}, got {length}")
            elif key == "$minLen":
                length = len(actual) if isinstance(actual, list) else 0
                if length < arg:
                    fail(f"expected at least {arg} items, got {length}")
            elif key == "$startsWith":
                if not (isinstance(actual, str) and actual.startswith(arg)):
                    fail(f"expected a string starting with {arg!r}, got {actual!r}")
            elif key == "$each":
                for i, item in enumerate(actual if isinstance(actual, list) else []):
                    matches(arg, item, f"{at}[{i}]")
            elif key == "$sameField":
                items = actual if isinstance(actual, list) else []
                if items and any(item.get(arg) != items[0].get(arg) for item in items):
                    fail(f"expected every {arg} to be equal")
            else:
                fail(f"unknown matcher {key}")
        return
    if isinstance(expected, dict):
        for key, value in expected.items():
            matches(value, actual.get(key) if isinstance(actual, dict) else None, f"{at}.{key}")
        return
    if isinstance(expected, list):
        if not isinstance(actual, list):
            fail(f"expected an array, got {actual!r}")
        if len(actual) != len(expected):
            fail(f"expected {len(expected)} items, got {len(actual)}")
        for i, (e, a) in enumerate(zip(expected, actual)):
            matches(e, a, f"{at}[{i}]")
        return
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if isinstance(actual, bool) or not isinstance(actual, (int, float)) or float(actual) != float(expected):
            fail(f"expected {expected!r}, got {actual!r}")
        return
    if expected != actual:
        fail(f"expected {expected!r}, got {actual!r}")


# ---------------------------------------------------------------------------------------------
# The runner


class Run:
    def __init__(self, sandbox: Sandbox, client_options: dict[str, Any], asynchronous: bool) -> None:
        self.sandbox = sandbox
        self.client_options = client_options
        self.asynchronous = asynchronous
        self.saved: dict[str, Any] = {}

    def builtins(self) -> dict[str, Any]:
        return {
            "sandbox": {"baseUrl": self.sandbox.base_url},
            "keys": {"default": self.sandbox.api_key, "other": self.sandbox.other_key},
            "now": int(time.time()),
        }

    def lookup(self, path: str) -> Any:
        head, *parts = path.split(".")
        scope = {**self.builtins(), **self.saved}
        if head not in scope:
            raise KeyError(f"unknown reference ${{{path}}}")
        value = scope[head]
        for part in parts:
            value = value[int(part)] if isinstance(value, list) else value[part]
        return value

    def interpolate(self, value: Any) -> Any:
        if isinstance(value, str):
            whole = re.fullmatch(r"\$\{([^${}]+)\}", value)
            if whole:
                return self.lookup(whole.group(1))

            def text(match: re.Match[str]) -> str:
                found = self.lookup(match.group(1))
                return found if isinstance(found, str) else json.dumps(found)

            return re.sub(r"\$\{([^}]+)\}", text, value)
        if isinstance(value, list):
            return [self.interpolate(v) for v in value]
        if isinstance(value, dict):
            return {k: self.interpolate(v) for k, v in value.items()}
        return value

    def client_kwargs(self, overrides: Optional[dict[str, Any]]) -> dict[str, Any]:
        options = {**self.client_options, **(overrides or {})}
        return {
            "api_key": options.get("apiKey", self.sandbox.api_key),
            "base_url": options.get("baseUrl", self.sandbox.base_url),
            "max_retries": options.get("maxRetries"),
            "timeout": seconds(options.get("timeoutMs")),
        }

    def call(self, name: str, args: dict[str, Any], step: dict[str, Any]) -> Any:
        if name == "client.new":
            zavudev.Zavudev(**self.client_kwargs(args))
            return None
        if name.startswith("webhooks."):
            return self.webhook_call(name, args)
        options = step.get("options") or {}
        per_call = {
            "timeout": seconds(options.get("timeoutMs")),
            "max_retries": options.get("maxRetries"),
        }
        if "idempotencyKey" in options:
            per_call["idempotency_key"] = options["idempotencyKey"]
        per_call = {k: v for k, v in per_call.items() if v is not None}
        if self.asynchronous:
            return asyncio.run(self.call_async(name, args, step.get("client"), per_call))
        return self.call_sync(name, args, step.get("client"), per_call)

    def call_sync(self, name: str, args: dict[str, Any], client: Any, opts: dict[str, Any]) -> Any:
        zavu = zavudev.Zavudev(**self.client_kwargs(client))
        inv, snd, pn = zavu.invitations, zavu.senders, zavu.phone_numbers
        a = kwargs(args)
        calls: dict[str, Callable[[], Any]] = {
            "invitations.create": lambda: wire(inv.create(**a, **opts)),
            "invitations.list": lambda: page_json(inv.list(**a, **opts)),
            "invitations.listAll": lambda: {"items": [wire(i) for i in inv.list(**a, **opts)]},
            "invitations.get": lambda: wire(inv.get(invitation_id=args["invitationId"], **opts)),
            "invitations.cancel": lambda: wire(inv.cancel(invitation_id=args["invitationId"], **opts)),
            "invitations.waitForCompletion": lambda: wire(inv.wait_for_completion(**wait_kwargs(args), **opts)),
            "invitations.createWebhook": lambda: wire(inv.create_webhook(**a, **opts)),
            "invitations.getWebhook": lambda: wire(inv.get_webhook(**opts)),
            "invitations.updateWebhook": lambda: wire(inv.update_webhook(**a, **opts)),
            "invitations.deleteWebhook": lambda: inv.delete_webhook(**opts),
            "phoneNumbers.purchase": lambda: wire(zavu.phone_numbers.purchase(**a, **opts)),
            "phoneNumbers.searchAvailable": lambda: {"items": [wire(n) for n in pn.search_available(**a, **opts)]},
            "phoneNumbers.requirements": lambda: {"items": [wire(r) for r in pn.requirements(**a, **opts)]},
            "phoneNumbers.list": lambda: page_json(pn.list(**a, **opts)),
            "phoneNumbers.listAll": lambda: {"items": [wire(n) for n in pn.list(**a, **opts)]},
            "phoneNumbers.retrieve": lambda: wire(pn.retrieve(**a, **opts)),
            "phoneNumbers.update": lambda: wire(pn.update(**a, **opts)),
            "phoneNumbers.release": lambda: pn.release(**a, **opts),
            "senders.get": lambda: wire(snd.get(sender_id=args["senderId"], **opts)),
            "senders.list": lambda: page_json(snd.list(**a, **opts)),
            "senders.listAll": lambda: {"items": [wire(s) for s in snd.list(**a, **opts)]},
        }
        if name not in calls:
            raise AssertionError(f"unknown call {name}")
        return calls[name]()

    async def call_async(self, name: str, args: dict[str, Any], client: Any, opts: dict[str, Any]) -> Any:
        async with zavudev.AsyncZavudev(**self.client_kwargs(client)) as zavu:
            inv, snd = zavu.invitations, zavu.senders
            a = kwargs(args)
            if name == "invitations.create":
                return wire(await inv.create(**a, **opts))
            if name == "invitations.list":
                return page_json(await inv.list(**a, **opts))
            if name == "invitations.listAll":
                return {"items": [wire(i) async for i in await inv.list(**a, **opts)]}
            if name == "invitations.get":
                return wire(await inv.get(invitation_id=args["invitationId"], **opts))
            if name == "invitations.cancel":
                return wire(await inv.cancel(invitation_id=args["invitationId"], **opts))
            if name == "invitations.waitForCompletion":
                return wire(await inv.wait_for_completion(**wait_kwargs(args), **opts))
            if name == "invitations.createWebhook":
                return wire(await inv.create_webhook(**a, **opts))
            if name == "invitations.getWebhook":
                return wire(await inv.get_webhook(**opts))
            if name == "invitations.updateWebhook":
                return wire(await inv.update_webhook(**a, **opts))
            if name == "invitations.deleteWebhook":
                return await inv.delete_webhook(**opts)
            if name == "phoneNumbers.purchase":
                return wire(await zavu.phone_numbers.purchase(**a, **opts))
            pn = zavu.phone_numbers
            if name == "phoneNumbers.searchAvailable":
                return {"items": [wire(n) for n in await pn.search_available(**a, **opts)]}
            if name == "phoneNumbers.requirements":
                return {"items": [wire(r) for r in await pn.requirements(**a, **opts)]}
            if name == "phoneNumbers.list":
                return page_json(await pn.list(**a, **opts))
            if name == "phoneNumbers.listAll":
                return {"items": [wire(n) async for n in await pn.list(**a, **opts)]}
            if name == "phoneNumbers.retrieve":
                return wire(await pn.retrieve(**a, **opts))
            if name == "phoneNumbers.update":
                return wire(await pn.update(**a, **opts))
            if name == "phoneNumbers.release":
                return await pn.release(**a, **opts)
            if name == "senders.get":
                return wire(await snd.get(sender_id=args["senderId"], **opts))
            if name == "senders.list":
                return page_json(await snd.list(**a, **opts))
            if name == "senders.listAll":
                return {"items": [wire(s) async for s in await snd.list(**a, **opts)]}
            raise AssertionError(f"unknown call {name}")

    def webhook_call(self, name: str, args: dict[str, Any]) -> Any:
        hooks = zavudev.Webhooks()
        # The request's headers as WSGI/ASGI frameworks give them (pairs), or the one header.
        headers = [tuple(pair) for pair in args["headers"]] if "headers" in args else args.get("signature")
        if name == "webhooks.sign":
            header = hooks.sign(args["payload"], args["secret"], timestamp=args.get("timestamp"), scheme=args.get("scheme"))
            return {"header": header}
        if name == "webhooks.verify":
            return hooks.verify(args["payload"], headers, args["secret"], now=args.get("now"))
        if name == "webhooks.unwrap":
            return wire(hooks.unwrap(args["payload"], headers, args["secret"], now=args.get("now")))
        raise AssertionError(f"unknown call {name}")


def wait_kwargs(args: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"invitation_id": args["invitationId"]}
    if "timeoutMs" in args:
        out["timeout"] = args["timeoutMs"] / 1000
    if "pollIntervalMs" in args:
        out["poll_interval"] = args["pollIntervalMs"] / 1000
    return out


def page_json(page: Any) -> dict[str, Any]:
    return {"items": [wire(item) for item in page.items], "nextCursor": page.next_cursor}


def error_json(error: zavudev.ZavuError) -> dict[str, Any]:
    return {
        "code": error.code,
        "message": error.message,
        "status": error.status,
        "param": error.param,
        "kind": error.kind,
        "body": error.body,
    }


def run_scenario(path: Path, asynchronous: bool) -> None:
    scenario = json.loads(path.read_text())
    sandbox = Sandbox()
    try:
        run = Run(sandbox, scenario.get("client") or {}, asynchronous)
        for index, raw_step in enumerate(scenario["steps"]):
            step = run.interpolate(raw_step)
            expect = step.get("expect") or {}
            label = f"step {index}"
            started = time.monotonic()
            failed: Optional[dict[str, Any]] = None
            result: Any = None
            if "sandbox" in step:
                spec = step["sandbox"]
                status, result = sandbox.request(spec.get("method", "GET"), spec["path"], spec.get("body"))
                wanted = expect.get("status")
                if wanted is not None and wanted != status:
                    raise AssertionError(f"{label}: sandbox answered {status}, expected {wanted}: {result}")
                if wanted is None and not 200 <= status < 300:
                    raise AssertionError(f"{label}: sandbox answered {status}: {result}")
            else:
                try:
                    result = run.call(step["call"], step.get("args") or {}, step)
                except zavudev.ZavuError as error:
                    failed = error_json(error)
            elapsed_ms = (time.monotonic() - started) * 1000
            if "minElapsedMs" in expect and elapsed_ms < expect["minElapsedMs"]:
                raise AssertionError(f"{label}: took {elapsed_ms:.0f} ms, expected at least {expect['minElapsedMs']} ms")
            if failed is None and "error" in expect:
                raise AssertionError(f"{label}: expected error {expect['error']}, got success {result!r}")
            if failed is not None and "error" not in expect:
                raise AssertionError(f"{label}: unexpected error {failed}")
            if failed is not None:
                wanted = dict(expect["error"])
                if isinstance(wanted.get("param"), str):
                    # Scenario files name parameters as on the wire; Python names them its way.
                    wanted["param"] = zavudev._native._param_name(wanted["param"])
                try:
                    matches(wanted, failed, "error")
                except AssertionError as why:
                    raise AssertionError(f"{label}: {why}; got {failed}") from None
            elif "result" in expect:
                try:
                    matches(expect["result"], result, "result")
                except AssertionError as why:
                    raise AssertionError(f"{label}: {why}; got {result}") from None
            if "save" in step and failed is None:
                run.saved[step["save"]] = result
    finally:
        sandbox.stop()


def test_scenarios_are_there() -> None:
    assert len(SCENARIOS) >= 30


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_sync(path: Path) -> None:
    run_scenario(path, asynchronous=False)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_async(path: Path) -> None:
    run_scenario(path, asynchronous=True)
