#!/usr/bin/env python3
"""The binding soak and leak runs' one driver: sandbox set-up and every check.

    soak.py soak LABEL -- COMMAND...   fault soak (spec.json "soak"), checked against the sandbox
    soak.py leak LABEL -- COMMAND...   resident memory over many calls (spec.json "leak")
    soak.py leak-unjudged LABEL -- ... the leak set-up, no RSS verdict (a run under valgrind)

It starts target/debug/zavu-sandbox (or $ZAVU_SANDBOX_BIN), sets it up from spec.json, runs the
language's runner with the environment below, then judges the runner's record file:

    ZAVU_SOAK_BASE_URL, ZAVU_SOAK_API_KEY   the sandbox
    ZAVU_SOAK_SPEC                          this directory's spec.json
    ZAVU_SOAK_LABEL                         e.g. python-asyncio (names its workers' invitations)
    ZAVU_SOAK_SECONDS                       soak: how long to start new calls
    ZAVU_LEAK_CALLS                         leak: how many calls (and ZAVU_LEAK_OPS,
                                            ZAVU_LEAK_SLOW_ID, ZAVU_LEAK_CANCEL_AFTER_MS,
                                            ZAVU_LEAK_SAMPLES: spec.json's leak plan)
    ZAVU_SOAK_RECORD                        where the runner writes its JSON record

A soak record: {"calls", "hangs", "slowestMs", "errors": {code: n}, "created": {name: id},
"failed": [name], "cancelled": [name], "retried": {name: id}, "retryFailed": [name]}.
Counting rules (the sandbox's own list of invitations is the truth):
  duplicates   names the sandbox holds more than once (every create has its own name);
  lost         a create (or a retry of a cancelled one) that returned an id the sandbox does not
               hold exactly once under that name;
  unaccounted  soak names the sandbox holds that the runner never made a call for;
  hangs        calls longer than callBoundMs, or a runner that outlives seconds + callBoundMs.
A cancelled create may be absent or present once; its retry with the same Idempotency-Key must
return the one the sandbox holds.

A leak record: {"calls", "samples": [[calls_done, vmrss_kib], ...]}; growth is the largest
sample after warm-up minus the first sample after warm-up, and must stay under maxGrowthKiB.

Durations: ZAVU_SOAK_SECONDS (default spec's seconds); ZAVU_LEAK_CALLS (default shortCalls,
`make leak-check` passes calls).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC_PATH = HERE / "spec.json"


class Sandbox:
    def __init__(self) -> None:
        binary = os.environ.get("ZAVU_SANDBOX_BIN") or str(ROOT / "target" / "debug" / "zavu-sandbox")
        if not Path(binary).exists():
            sys.exit(f"soak: no sandbox binary at {binary} (cargo build -p zavu-sandbox)")
        self.process = subprocess.Popen(
            [binary, "--port", "0", "--no-rate-limits"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        watchdog = threading.Timer(20, self.process.kill)
        watchdog.start()
        try:
            assert self.process.stdout is not None
            base, keys = None, []
            while base is None or not keys:
                line = self.process.stdout.readline()
                if not line:
                    sys.exit("soak: the sandbox exited while starting")
                if m := re.match(r"listening on (http://\S+)", line):
                    base = m.group(1).rstrip("/")
                if m := re.match(r"api key: (\S+)", line):
                    keys.append(m.group(1))
        finally:
            watchdog.cancel()
        self.base_url, self.api_key = base, keys[0]
        threading.Thread(target=lambda: [None for _ in self.process.stdout], daemon=True).start()

    def control(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base_url + path, data=data, method=method, headers={"content-type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()


def run_runner(sandbox: Sandbox, label: str, command: list[str], env: dict[str, str], limit: float) -> tuple[dict, float, bool]:
    """Runs the runner; returns (record, seconds taken, whether it had to be killed)."""
    with tempfile.TemporaryDirectory(prefix="zavu-soak-") as scratch:
        record_path = Path(scratch) / "record.json"
        child_env = {
            **os.environ,
            **env,
            "ZAVU_SOAK_BASE_URL": sandbox.base_url,
            "ZAVU_SOAK_API_KEY": sandbox.api_key,
            "ZAVU_SOAK_SPEC": str(SPEC_PATH),
            "ZAVU_SOAK_LABEL": label,
            "ZAVU_SOAK_RECORD": str(record_path),
        }
        started = time.monotonic()
        child = subprocess.Popen(command, env=child_env)
        try:
            code = child.wait(timeout=limit)
            killed = False
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            code, killed = None, True
        took = time.monotonic() - started
        if killed:
            return {}, took, True
        if code != 0:
            sys.exit(f"soak {label}: the runner exited with {code}")
        return json.loads(record_path.read_text()), took, False


def soak(label: str, command: list[str]) -> None:
    spec = json.loads(SPEC_PATH.read_text())["soak"]
    seconds = float(os.environ.get("ZAVU_SOAK_SECONDS") or spec["seconds"])
    bound_s = spec["callBoundMs"] / 1000
    sandbox = Sandbox()
    try:
        sandbox.control("POST", "/sandbox/random-faults", spec["faults"])
        record, took, killed = run_runner(
            sandbox, label, command, {"ZAVU_SOAK_SECONDS": str(seconds)}, seconds + bound_s + 30
        )
        sandbox.control("POST", "/sandbox/random-faults", {"probability": 0.0})
        # A create whose call was cancelled during a delay fault still acts when the delay ends.
        time.sleep(spec["faults"]["delayMs"] / 1000 + 0.5)
        stats = sandbox.control("GET", "/sandbox/stats")
        everything = sandbox.control("GET", "/sandbox/invitations")["items"]
    finally:
        sandbox.stop()
    if killed:
        sys.exit(f"soak {label}: FAILED, the runner was still running {took:.0f} s after it started (a hang)")

    held: dict[str, list[str]] = {}
    for invitation in everything:
        name = invitation.get("clientName") or ""
        if name.startswith("soak-"):
            held.setdefault(name, []).append(invitation["id"])
    created, retried = record["created"], record["retried"]
    cancelled, retry_failed, failed = set(record["cancelled"]), set(record["retryFailed"]), set(record["failed"])
    duplicates = sorted(n for n, ids in held.items() if len(ids) > 1)
    lost = sorted(n for n, i in {**created, **retried}.items() if held.get(n) != [i])
    known = set(created) | set(retried) | cancelled | retry_failed | failed
    unaccounted = sorted(set(held) - known)
    figures = {
        "label": label,
        "seconds": seconds,
        "runnerSeconds": round(took, 1),
        "calls": record["calls"],
        "httpRequests": stats["requests"],
        "faultsInjected": stats["faultsInjected"],
        "idempotentReplays": stats["idempotentReplays"],
        "createsOk": len(created),
        "createsFailed": len(failed),
        "createsFailedKeptByServer": sum(1 for n in failed if n in held),
        "hostCancelledNotRetried": len(cancelled),
        "hostCancelledKeptByServer": sum(1 for n in cancelled if n in held),
        "hostCancelledRetriedOk": len(retried),
        "hostCancelledRetryFailed": len(retry_failed),
        "errors": record["errors"],
        "duplicates": len(duplicates),
        "lost": len(lost),
        "unaccounted": len(unaccounted),
        "hangs": record["hangs"],
        "slowestMs": record["slowestMs"],
        "boundMs": spec["callBoundMs"],
    }
    print("soak: " + json.dumps(figures), flush=True)
    problems = []
    if record["calls"] < spec["minCalls"] and seconds >= spec["seconds"]:
        problems.append(f"too few calls ({record['calls']}) to mean anything")
    if stats["faultsInjected"] < spec["minFaults"] and seconds >= spec["seconds"]:
        problems.append(f"too few faults injected ({stats['faultsInjected']})")
    if duplicates:
        problems.append(f"duplicated: {duplicates[:5]}")
    if lost:
        problems.append(f"lost: {[(n, {**created, **retried}[n], held.get(n)) for n in lost[:5]]}")
    if unaccounted:
        problems.append(f"unaccounted: {unaccounted[:5]}")
    if record["hangs"]:
        problems.append(f"{record['hangs']} calls outlived {spec['callBoundMs']} ms")
    if problems:
        sys.exit(f"soak {label}: FAILED: " + "; ".join(problems))
    print(f"soak {label}: duplicates = 0, lost = 0, hangs = 0", flush=True)


def leak(label: str, command: list[str], judge: bool = True) -> None:
    spec = json.loads(SPEC_PATH.read_text())["leak"]
    calls = int(os.environ.get("ZAVU_LEAK_CALLS") or spec["shortCalls"])
    sandbox = Sandbox()
    try:
        # The calls a runner cancels go to this id, held up by the sandbox so they are in flight.
        sandbox.control(
            "POST",
            "/sandbox/faults",
            {
                "method": "GET",
                "path": f"/v1/invitations/{spec['slowId']}",
                "count": 1_000_000_000,
                "fault": {"kind": "delay", "ms": spec["slowDelayMs"]},
            },
        )
        leak_env = {
            "ZAVU_LEAK_CALLS": str(calls),
            # The same plan as environment variables, for runners that read no JSON (C).
            "ZAVU_LEAK_OPS": ",".join(spec["ops"]),
            "ZAVU_LEAK_SLOW_ID": spec["slowId"],
            "ZAVU_LEAK_CANCEL_AFTER_MS": str(spec["cancelAfterMs"]),
            "ZAVU_LEAK_SAMPLES": str(spec["samples"]),
        }
        record, took, killed = run_runner(sandbox, label, command, leak_env, 3600)
    finally:
        sandbox.stop()
    if killed:
        sys.exit(f"leak {label}: FAILED, the runner did not finish")
    if not judge:
        print(f"leak {label}: {record['calls']} calls in {took:.1f} s; the runner's own checks passed")
        return
    samples = record["samples"]
    warm = [s for s in samples if s[0] >= calls * spec["warmupFraction"]]
    if len(warm) < 2:
        sys.exit(f"leak {label}: too few samples after warm-up: {samples}")
    growth = max(s[1] for s in warm) - warm[0][1]
    figures = {
        "label": label,
        "calls": record["calls"],
        "seconds": round(took, 1),
        "rssAtWarmupKiB": warm[0][1],
        "rssEndKiB": samples[-1][1],
        "rssMaxKiB": max(s[1] for s in samples),
        "growthAfterWarmupKiB": growth,
        "boundKiB": spec["maxGrowthKiB"],
        "rssSamplesKiB": [s[1] for s in samples],
    }
    figures.update(record.get("extra", {}))
    print("leak: " + json.dumps(figures), flush=True)
    if record["calls"] != calls:
        sys.exit(f"leak {label}: FAILED: made {record['calls']} calls of {calls}")
    if growth >= spec["maxGrowthKiB"]:
        sys.exit(f"leak {label}: FAILED: resident memory grew {growth} KiB after warm-up")
    print(f"leak {label}: growth after warm-up {growth} KiB (< {spec['maxGrowthKiB']} KiB)", flush=True)


def main() -> None:
    args = sys.argv[1:]
    if len(args) < 4 or args[0] not in ("soak", "leak", "leak-unjudged") or args[2] != "--":
        sys.exit(__doc__)
    if args[0] == "soak":
        soak(args[1], args[3:])
    else:
        leak(args[1], args[3:], judge=args[0] == "leak")


if __name__ == "__main__":
    main()
