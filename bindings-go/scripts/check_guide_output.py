#!/usr/bin/env python3
"""Runs the built guide examples (a directory of binaries: create, preassigned, list, get,
cancel, errors) against the sandbox named by ZAVUDEV_BASE_URL / ZAVUDEV_API_KEY and checks each
prints what the guide says. The get and cancel examples use the guide's literal id: the sandbox
answers those two requests with the guide's sample invitation (fault injection), as in
guide_test.go."""
import json
import os
import re
import subprocess
import sys
import urllib.request

BIN = sys.argv[1]
BASE = os.environ["ZAVUDEV_BASE_URL"]
GUIDE_ID = "jh7am5bng9p3v2x1k4r8"


def run(name: str) -> str:
    done = subprocess.run([os.path.join(BIN, name)], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        sys.exit(f"{name} failed ({done.returncode}): {done.stdout}{done.stderr}")
    print(f"--- {name}\n{done.stdout}", end="")
    return done.stdout


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


def expect(cond: bool, what: str) -> None:
    if not cond:
        sys.exit(f"unexpected output: {what}")


out = run("create")
base = re.escape(BASE)
expect(re.search(rf"^Invitation URL: {base}/invite/\S+$", out, re.M) is not None, "create URL")
expect(re.search(r"^Token: \S+$", out, re.M) is not None, "create token")
expect(re.search(r"^Expires: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC$", out, re.M) is not None, "create expiry")
expect(run("preassigned").startswith(f"Invitation URL: {BASE}/invite/"), "preassigned")
expect(run("list").count(f"Acme Corp pending {BASE}/invite/") == 2, "list")
fault(f"/v1/invitations/{GUIDE_ID}", "GET", "pending")
expect(run("get") == "Status: pending\nClient: Acme Corp\n", "get")
fault(f"/v1/invitations/{GUIDE_ID}/cancel", "POST", "cancelled")
expect(run("cancel") == "", "cancel")
expect(run("errors") == "Phone number not found\n", "errors")
