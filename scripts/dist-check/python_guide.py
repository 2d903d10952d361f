#!/usr/bin/env python3
"""The guide's Python blocks (docs/onboarding-clients-via-api.md, read from the file given, run as
written) through an *installed* zavudev, against the sandbox named by ZAVUDEV_BASE_URL and
ZAVUDEV_API_KEY. Standard library only: it runs in a fresh venv that holds nothing but the wheel.
The same flow and checks as bindings-python/tests/test_guide.py; the get and cancel blocks use
the guide's literal id, which the sandbox answers with the guide's sample invitation (fault
injection), as there.

    python python_guide.py GUIDE.md
"""

import contextlib
import io
import json
import os
import re
import sys
import time
import urllib.request

start = time.perf_counter()
import zavudev  # noqa: E402

print(f"python: import zavudev in {(time.perf_counter() - start) * 1000:.0f} ms from {zavudev.__file__}")

BASE = os.environ["ZAVUDEV_BASE_URL"]
GUIDE_ID = "jh7am5bng9p3v2x1k4r8"
guide = open(sys.argv[1], encoding="utf-8").read()
blocks = [re.sub(r"^  ", "", b, flags=re.M) for b in re.findall(r"```python Python theme=\{null\}\n(.*?)```", guide, re.S)]
if len(blocks) != 6:
    sys.exit(f"expected the guide's 6 Python blocks, found {len(blocks)}")
BASIC, PREASSIGNED, LISTING, GET, CANCEL, ERRORS = blocks


def fault(path: str, method: str, status: str) -> None:
    body = {"invitation": {
        "id": GUIDE_ID, "url": "https://dashboard.zavu.dev/invite/abc123xyz", "token": "abc123xyz",
        "clientName": "Acme Corp", "clientEmail": "contact@acme.com", "phoneNumberId": None,
        "status": status, "senderId": None, "expiresAt": "2025-01-22T00:00:00.000Z",
        "createdAt": "2025-01-15T12:00:00.000Z"}}
    rule = {"path": path, "method": method, "count": 1, "fault": {"kind": "status", "status": 200, "body": body}}
    request = urllib.request.Request(f"{BASE}/sandbox/faults", data=json.dumps(rule).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    urllib.request.urlopen(request).read()


namespace = {"__name__": "guide"}


def run(snippet: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(snippet, "<guide>", "exec"), namespace)
    print(out.getvalue(), end="")
    return out.getvalue()


def expect(cond: bool, what: str) -> None:
    if not cond:
        sys.exit(f"python guide: unexpected output ({what})")


out = run(BASIC)
expect(re.search(rf"^Invitation URL: {re.escape(BASE)}/invite/\S+$", out, re.M) is not None, "create")
expect(re.search(r"^Expires: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00:00$", out, re.M) is not None, "expiry")
namespace["client"] = namespace["zavu"]
expect(run(PREASSIGNED).startswith(f"Invitation URL: {BASE}/invite/"), "preassigned")
expect(run(LISTING).count("Acme Corp pending ") == 2, "list")
fault(f"/v1/invitations/{GUIDE_ID}", "GET", "pending")
expect(run(GET) == "Status: pending\nClient: Acme Corp\n", "get")
fault(f"/v1/invitations/{GUIDE_ID}/cancel", "POST", "cancelled")
expect(run(CANCEL) == "", "cancel")
expect(run(ERRORS) == "Phone number not found\n", "errors")
print("python guide: 6 blocks ran as the guide says")
