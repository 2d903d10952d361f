"""The Python examples of the product guide (onboarding-clients-via-api.md), copied verbatim,
run against the sandbox with ZAVUDEV_API_KEY / ZAVUDEV_BASE_URL pointing at it.

The guide names its client `zavu` in the first example and `client` in the others; the harness
defines `client = zavu` (the snippets are not edited). The guide's get and cancel examples use
its literal id "jh7am5bng9p3v2x1k4r8", which no sandbox invitation has: the sandbox is told (fault
injection) to answer those two requests with the guide's own sample invitation, so the snippets
still run unchanged over real HTTP.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

BASIC = '''\
import os
from zavudev import Zavudev

zavu = Zavudev(
    api_key=os.environ.get("ZAVUDEV_API_KEY"),
)

invitation = zavu.invitations.create(
    client_name="Acme Corp",
    client_email="contact@acme.com",
    expires_in_days=7
)

print("Invitation URL:", invitation.url)
print("Token:", invitation.token)
print("Expires:", invitation.expires_at)
'''

PREASSIGNED = '''\
# First, purchase a phone number
phone_number = client.phone_numbers.purchase(
    phone_number="+14155551234",
    name="Client: Acme Corp"
)

# Then create the invitation with the phone number
invitation = client.invitations.create(
    client_name="Acme Corp",
    client_email="contact@acme.com",
    phone_number_id=phone_number.id,
    expires_in_days=14
)

print("Invitation URL:", invitation.url)
'''

LISTING = '''\
# List all invitations
result = client.invitations.list()

# Filter by status
pending = client.invitations.list(status="pending")

for inv in pending.items:
    print(inv.client_name, inv.status, inv.url)
'''

GET = '''\
invitation = client.invitations.get(
    invitation_id="jh7am5bng9p3v2x1k4r8"
)

print("Status:", invitation.status)
print("Client:", invitation.client_name)

if invitation.status == "completed":
    print("Sender ID:", invitation.sender_id)
'''

CANCEL = '''\
client.invitations.cancel(
    invitation_id="jh7am5bng9p3v2x1k4r8"
)
'''

ERRORS = '''\
from zavu import ZavuError

try:
    invitation = client.invitations.create(
        client_name="Acme Corp",
        phone_number_id="pn_invalid"
    )
except ZavuError as e:
    if e.code == "not_found":
        print("Phone number not found")
    elif e.code == "invalid_request":
        print("Invalid request:", e.message)
    else:
        print("Unexpected error:", e)
'''

SNIPPETS = [BASIC, PREASSIGNED, LISTING, GET, CANCEL, ERRORS]

GUIDE_ID = "jh7am5bng9p3v2x1k4r8"


def guide_invitation(status: str) -> dict[str, Any]:
    """The guide's sample response body."""
    return {
        "invitation": {
            "id": GUIDE_ID,
            "url": "https://dashboard.zavu.dev/invite/abc123xyz",
            "token": "abc123xyz",
            "clientName": "Acme Corp",
            "clientEmail": "contact@acme.com",
            "phoneNumberId": None,
            "status": status,
            "senderId": None,
            "expiresAt": "2025-01-22T00:00:00.000Z",
            "createdAt": "2025-01-15T12:00:00.000Z",
        }
    }


def guide_snippets() -> list[str]:
    """The guide's Python blocks (docs/onboarding-clients-via-api.md, the product guide)."""
    guide = ROOT / "docs" / "onboarding-clients-via-api.md"
    blocks = re.findall(r"```python Python theme=\{null\}\n(.*?)```", guide.read_text(), re.S)
    return [re.sub(r"^  ", "", block, flags=re.M) for block in blocks]


def test_snippets_are_the_guides_verbatim() -> None:
    blocks = guide_snippets()
    assert blocks, "no Python block found in the guide"
    assert blocks == SNIPPETS


def run(snippet: str, namespace: dict[str, Any]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(snippet, "<guide>", "exec"), namespace)
    return out.getvalue()


def test_the_guides_examples_run(sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZAVUDEV_API_KEY", sandbox.api_key)
    monkeypatch.setenv("ZAVUDEV_BASE_URL", sandbox.base_url)
    namespace: dict[str, Any] = {"__name__": "guide"}

    output = run(BASIC, namespace)
    assert re.search(rf"^Invitation URL: {re.escape(sandbox.base_url)}/invite/\S+$", output, re.M)
    assert re.search(r"^Token: \S+$", output, re.M)
    assert re.search(r"^Expires: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00:00$", output, re.M)

    namespace["client"] = namespace["zavu"]
    output = run(PREASSIGNED, namespace)
    assert output.startswith(f"Invitation URL: {sandbox.base_url}/invite/")
    assert namespace["invitation"].phone_number_id == namespace["phone_number"].id

    output = run(LISTING, namespace)
    assert len(namespace["result"].items) == 2
    assert output.count("Acme Corp pending ") == 2

    sandbox.fault(f"/v1/invitations/{GUIDE_ID}", {"kind": "status", "status": 200, "body": guide_invitation("pending")}, method="GET")
    output = run(GET, namespace)
    assert output == "Status: pending\nClient: Acme Corp\n"

    sandbox.fault(f"/v1/invitations/{GUIDE_ID}/cancel", {"kind": "status", "status": 200, "body": guide_invitation("cancelled")}, method="POST")
    assert run(CANCEL, namespace) == ""
    assert sandbox.control("GET", "/sandbox/faults")["rules"] == [] or all(
        rule["remaining"] == 0 for rule in sandbox.control("GET", "/sandbox/faults")["rules"]
    )

    assert run(ERRORS, namespace) == "Phone number not found\n"


def test_the_readme_shows_the_guides_examples() -> None:
    readme = (ROOT / "bindings-python" / "README.md").read_text()
    for snippet in SNIPPETS:
        assert f"```python\n{snippet}```" in readme
