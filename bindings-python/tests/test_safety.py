"""Binding safety: a panic inside core surfaces as `InternalError` (never an abort), a client
closed or dropped mid-call ends cleanly, and the key and webhook secrets appear nowhere in
what a process prints, even with every log on.

The panic is forced through core's `test-panic` feature (run-tests.sh builds the module with
it): any call whose path contains `__zavu_test_panic__` panics inside core.
"""

from __future__ import annotations

import asyncio
import gc
import os
import re
import subprocess
import sys
import threading
import time
from typing import Any, Callable

import pytest

import zavudev

from conftest import Sandbox

PANIC_ID = "__zavu_test_panic__"
KEY = "zk_live_7a6b5c4d3e2f_py_never_show"
WRONG_KEY = "zk_live_0000wrong_py_never_show"
SECRET = "whsec_py_5ecret_never_show"


def not_built_with_test_panic(error: BaseException) -> None:
    pytest.fail(
        f"the call meant to panic answered {error!r}: the module was built without the "
        "`test-panic` feature (build it with `maturin develop --features test-panic`, as "
        "bindings-python/run-tests.sh does)"
    )


def expect_panic(call: Callable[[], Any]) -> zavudev.InternalError:
    try:
        call()
    except zavudev.InternalError as error:
        return error
    except zavudev.NotFoundError as error:
        not_built_with_test_panic(error)
    pytest.fail("the call meant to panic returned normally")


def check_internal(error: zavudev.InternalError, api_key: str) -> None:
    assert isinstance(error, zavudev.ZavuError)
    assert error.code == "internal_panic" and error.status is None
    assert "forced panic" in error.message
    for text in (str(error), repr(error), error.message):
        assert api_key not in text


def test_a_panic_in_core_is_an_internal_error_and_the_client_goes_on(client, sandbox) -> None:
    error = expect_panic(lambda: client.invitations.get(PANIC_ID))
    check_internal(error, sandbox.api_key)
    # The same client keeps working, on this thread and on others.
    assert client.invitations.create(client_name="After the panic").client_name == "After the panic"
    errors: list[BaseException] = []

    def panic_again() -> None:
        try:
            client.invitations.get(PANIC_ID)
        except BaseException as caught:  # noqa: BLE001 - collected for the assertion below
            errors.append(caught)

    threads = [threading.Thread(target=panic_again) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert [type(e) for e in errors] == [zavudev.InternalError] * 4
    assert len(client.invitations.list().items) == 1


async def test_a_panic_in_core_is_an_internal_error_async(aclient, sandbox) -> None:
    try:
        await aclient.invitations.get(PANIC_ID)
    except zavudev.InternalError as error:
        check_internal(error, sandbox.api_key)
    except zavudev.NotFoundError as error:
        not_built_with_test_panic(error)
    else:
        pytest.fail("the call meant to panic returned normally")
    results = await asyncio.gather(
        aclient.invitations.get(PANIC_ID),
        aclient.invitations.create(client_name="Alongside"),
        return_exceptions=True,
    )
    assert isinstance(results[0], zavudev.InternalError)
    assert isinstance(results[1], zavudev.Invitation)
    assert (await aclient.invitations.get(results[1].id)).client_name == "Alongside"


def test_close_while_a_call_is_in_flight(sandbox) -> None:
    zavu = zavudev.Zavudev(api_key=sandbox.api_key, base_url=sandbox.base_url)
    invitation = zavu.invitations.create(client_name="In flight")
    sandbox.fault("/v1/invitations/*", {"kind": "delay", "ms": 1500}, method="GET")
    outcome: list[object] = []

    def call() -> None:
        try:
            outcome.append(zavu.invitations.get(invitation.id))
        except zavudev.ZavuError as error:
            outcome.append(error)

    worker = threading.Thread(target=call)
    worker.start()
    time.sleep(0.3)
    zavu.close()
    worker.join(15)
    assert not worker.is_alive(), "the call in flight hung after close()"
    # Core lets a call already in flight finish; it must not crash or hang either way.
    assert len(outcome) == 1
    assert isinstance(outcome[0], (zavudev.Invitation, zavudev.ZavuError)), outcome
    if isinstance(outcome[0], zavudev.Invitation):
        assert outcome[0].id == invitation.id
    with pytest.raises(zavudev.ClientClosedError) as later:
        zavu.invitations.get(invitation.id)
    assert later.value.code == "client_closed"


async def test_dropping_the_async_client_while_a_call_is_pending(sandbox) -> None:
    zavu = zavudev.AsyncZavudev(api_key=sandbox.api_key, base_url=sandbox.base_url)
    invitation = await zavu.invitations.create(client_name="Orphan")
    sandbox.fault("/v1/invitations/*", {"kind": "delay", "ms": 800}, method="GET")
    pending = zavu.invitations.get(invitation.id)
    # Only this frame holds the client (getrefcount counts its own argument too), so `del`
    # frees it while the call is still on the wire.
    assert sys.getrefcount(zavu) == 2
    del zavu
    gc.collect()
    got = await asyncio.wait_for(pending, 15)
    assert got.id == invitation.id


CHILD = r"""
import asyncio, json, sys, time, zavudev

base_url, key, wrong_key, secret, secret_file = sys.argv[1:6]
zavu = zavudev.Zavudev(api_key=key, base_url=base_url)
print("repr:", repr(zavu), repr(zavudev.AsyncZavudev(api_key=key, base_url=base_url)))
created = zavu.invitations.create(client_name="Logged", client_email="a@example.com")
print("created:", created)
print("got:", zavu.invitations.get(created.id))
config = zavu.invitations.create_webhook(url="https://example.com/hooks/zavu")
with open(secret_file, "w") as out:
    out.write(config.secret or "")
print("webhook:", repr(config))

def show(label, call):
    try:
        call()
        print(label, "no error")
    except zavudev.ZavuError as error:
        print(label, type(error).__name__, error.code, str(error), repr(error), error.body)

show("validation:", lambda: zavu.invitations.create(client_email="not an email"))
show("not found:", lambda: zavu.invitations.create(phone_number_id="pn_missing"))
show("unauthorized:", lambda: zavudev.Zavudev(api_key=wrong_key, base_url=base_url, max_retries=0).invitations.list())
show("panic:", lambda: zavu.invitations.get("__zavu_test_panic__"))
body = json.dumps({"id": "evt_1", "type": "invitation.status_changed", "timestamp": 1, "data": {}})
now = int(time.time())
for s in (secret, config.secret):
    header = zavu.webhooks.sign(body, s, timestamp=now)
    show("webhook tampered:", lambda: zavu.webhooks.verify(body + " ", header, s))
    show("webhook stale:", lambda: zavu.webhooks.unwrap(body, zavu.webhooks.sign(body, s, timestamp=now - 999), s))
    show("webhook wrong secret:", lambda: zavu.webhooks.unwrap(body, header, s + "x"))

async def main():
    async with zavudev.AsyncZavudev(api_key=key, base_url=base_url) as azavu:
        print("async:", await azavu.invitations.get(created.id))
        try:
            await azavu.invitations.get("__zavu_test_panic__")
        except zavudev.ZavuError as error:
            print("async panic:", repr(error))
asyncio.run(main())
zavu.close()
show("closed:", lambda: zavu.invitations.list())
print("done")
"""


@pytest.mark.parametrize(
    "level",
    # `trace` is core's every level; the filter form turns on every crate (reqwest, hyper,
    # rustls...) at trace as well.
    ["trace", "trace,zavu_core=trace"],
)
def test_no_secret_in_anything_a_process_prints(level: str, tmp_path) -> None:
    # The helper waits for two keys: a second team, unused here.
    sandbox = Sandbox("--api-key", KEY, "--api-key", "zk_live_second_team")
    try:
        secret_file = tmp_path / "secret"
        env = dict(os.environ, ZAVUDEV_LOG=level, RUST_BACKTRACE="1")
        env.pop("ZAVUDEV_API_KEY", None)
        done = subprocess.run(
            [sys.executable, "-c", CHILD, sandbox.base_url, KEY, WRONG_KEY, SECRET, str(secret_file)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
    finally:
        sandbox.stop()
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    assert done.stdout.rstrip().endswith("done"), output[-4000:]
    created_secret = secret_file.read_text()
    assert created_secret.startswith("whsec_")
    # The run did what it should, so the check below can fail: log lines at trace, each error,
    # and the panic (its message, printed by Rust's panic hook, and the exception).
    assert re.search(r"(DEBUG|TRACE).*zavu_core::client", done.stderr), done.stderr[-4000:]
    if level != "trace":
        assert re.search(r"TRACE.*hyper", done.stderr), done.stderr[-4000:]
    assert "forced panic" in done.stderr
    # Logs redirected to a file or a pipe are plain text: no terminal colour codes.
    assert "\x1b[" not in done.stderr, done.stderr[:400]
    for expected in ("validation: InvalidRequestError", "unauthorized: AuthenticationError",
                     "panic: InternalError", "webhook wrong secret: WebhookVerificationError",
                     "closed: ClientClosedError client_closed"):
        assert expected in done.stdout, done.stdout
    for secret in (KEY, WRONG_KEY, SECRET, created_secret):
        assert secret not in output, f"{secret!r} leaked:\n" + "\n".join(
            line for line in output.splitlines() if secret in line
        )
