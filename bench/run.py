"""The benchmark driver: `bash bench/run.sh` (or `make bench`) runs it.

It sets up everything it needs (nginx and wrk from Debian, the published SDKs at the versions the
issue names in isolated environments, our packages built from this checkout in release mode,
the Rust driver), starts the canned API (bench/canned.py), then measures, interleaved in rounds:
the wire limit with wrk, and each workload with the Rust core, our Python (sync and async), our
Node, our PHP beside a bare curl-extension loop, and the published SDKs. Then the walk of 100,000 invitations (memory), cold start and
installed size. It prints the table and writes bench/results/latest.{md,json}.

    python3 bench/run.py [--smoke] [--skip-setup]
    python3 bench/run.py --check-readme   # bench/README.md shows results/latest.md (make lint)

Environment: BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_COLD_RUNS (10), BENCH_PARTS (comma list of
speed, walk, cold, size; a partial run writes under target/bench/partial/), BENCH_ONLY (comma list
of rust, python, node, go, php, ruby: the rows to run; the wire limit always runs).
`--smoke`: 1 s, 1 round, 3 cold runs, a 2,000-item walk; writes under target/bench/ only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import canned  # noqa: E402

WORK = ROOT / "target" / "bench"
PUBLISHED_PY = "0.50.0"
PUBLISHED_NODE = "0.57.0"
API_KEY = "zk_bench_key"

# The targets: (label, ours, baseline, minimum ratio).
TARGETS = [
    ("Python sync get ≥ 5× published", ("py-ours", "get"), ("py-pub", "get"), 5.0),
    ("Python sync list page ≥ 10× published", ("py-ours", "list"), ("py-pub", "list"), 10.0),
    ("Python sync create ≥ 5× published", ("py-ours", "create"), ("py-pub", "create"), 5.0),
    ("Python async 64 concurrent ≥ 10× published async", ("py-ours-async", "get64"), ("py-pub-async", "get64"), 10.0),
    ("Node sequential get ≥ 2× published", ("node-ours", "get"), ("node-pub", "get"), 2.0),
    ("Node 64 concurrent ≥ 3× published", ("node-ours", "get64"), ("node-pub", "get64"), 3.0),
    ("Node list page ≥ 2× published", ("node-ours", "list"), ("node-pub", "list"), 2.0),
    ("Rust core sequential get ≥ 0.8× wire (1 connection), multi-thread runtime", ("rust", "get"), ("wire-1", "get"), 0.8),
    ("Rust core sequential get ≥ 0.8× wire (1 connection), current-thread runtime", ("rust-current", "get"), ("wire-1", "get"), 0.8),
    # Issue 19.
    ("Rust core list page ≥ 0.6× wire (1 connection), current-thread runtime", ("rust-current", "list"), ("wire-1", "list"), 0.6),
    ("Rust core list page ≥ 0.6× wire (1 connection), multi-thread runtime", ("rust", "list"), ("wire-1", "list"), 0.6),
    ("Node list page ≥ 4× published", ("node-ours", "list"), ("node-pub", "list"), 4.0),
    *[(f"{label} {what} ≥ 0.7× Rust core (current-thread)", (impl, workload), ("rust-current", workload), 0.7)
      for impl, label in (("py-ours", "Python sync"), ("py-ours-async", "Python async"),
                          ("node-ours", "Node"), ("go-ours", "Go"),
                          ("php-ours", "PHP"), ("rb-ours", "Ruby"), ("kt-ours", "Kotlin"))
      for workload, what in (("get", "get"), ("list", "list page"))],
]

WORKLOADS = {
    "get": "get one invitation, sequential",
    "create": "create, sequential",
    "list": "list, one 50-item page, sequential",
    "get64": "get, 64 concurrent on one client",
    "request": "one PHP request: build a client, then get",
    "get16t": "get, 16 threads on one client",
}

# Rows of the speed table: id -> (label, language, workloads).
IMPLS = {
    "wire-1": ("wire limit, wrk 1 connection", "wire", ["get", "list"]),
    "wire-64": ("wire limit, wrk 64 connections", "wire", ["get64"]),
    "rust": ("Rust core, multi-thread runtime", "rust", ["get", "create", "list", "get64"]),
    "rust-current": ("Rust core, current-thread runtime", "rust", ["get", "create", "list", "get64"]),
    # What the SDK is built on, with no SDK: where the Rust core's share of the wire is lost.
    "rust-reqwest": ("Rust, bare reqwest loop (no SDK), multi-thread", "rust", ["get"]),
    "rust-reqwest-current": ("Rust, bare reqwest loop (no SDK), current-thread", "rust", ["get"]),
    "rust-hyper-pool-current": ("Rust, bare hyper-util pooled client, current-thread", "rust", ["get"]),
    "rust-hyper": ("Rust, one bare hyper connection (no pool), multi-thread", "rust", ["get"]),
    "rust-hyper-current": ("Rust, one bare hyper connection (no pool), current-thread", "rust", ["get"]),
    "py-ours": ("Python, ours (Zavudev)", "python", ["get", "create", "list"]),
    "py-ours-async": ("Python, ours (AsyncZavudev)", "python", ["get", "list", "get64"]),
    "py-pub": (f"Python, published {PUBLISHED_PY} (Zavudev)", "python", ["get", "create", "list"]),
    "py-pub-async": (f"Python, published {PUBLISHED_PY} (AsyncZavudev)", "python", ["get64"]),
    "node-ours": ("Node, ours", "node", ["get", "create", "list", "get64"]),
    "node-pub": (f"Node, published {PUBLISHED_NODE}", "node", ["get", "create", "list", "get64"]),
    # Go: ours (the core through zavu-c and cgo) beside what Go does with no SDK at all.
    "go-ours": ("Go, ours (zavudev over zavu-c)", "go", ["get", "list", "get64"]),
    "go-bare": ("Go, bare net/http + encoding/json (no SDK)", "go", ["get", "list", "get64"]),
    # PHP has no published SDK in this run; its baseline is the bare curl extension, same calls.
    "php-ours": ("PHP, ours (extension + Composer package)", "php", ["get", "list", "request"]),
    "php-curl": ("PHP, bare curl extension (no SDK)", "php", ["get", "list", "request"]),
    # No published Ruby row: rubygems.org is out of reach on these machines.
    "rb-ours": ("Ruby, ours (Zavudev::Client)", "ruby", ["get", "list", "get16t"]),
    # No published Kotlin row: the published sdk-kotlin is not on these machines' Maven mirror.
    "kt-ours": ("Kotlin, ours (the Maven package over uniffi)", "kotlin", ["get", "list"]),
}
# Rust rows: id -> (suffix of the zavu-bench workload, tokio runtime).
RUST_RUNS = {
    "rust": ("", "multi"),
    "rust-current": ("", "current"),
    "rust-reqwest": ("-reqwest", "multi"),
    "rust-reqwest-current": ("-reqwest", "current"),
    "rust-hyper-pool-current": ("-hyper-pool", "current"),
    "rust-hyper": ("-hyper", "multi"),
    "rust-hyper-current": ("-hyper", "current"),
}
# What each row of ours is compared with.
BASELINE = {
    "py-ours": "py-pub",
    "py-ours-async": "py-pub-async",
    "node-ours": "node-pub",
}


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def sh(cmd, cwd=None, env=None, check=True, quiet=True, timeout=None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        cmd, cwd=cwd, env=env, text=True, timeout=timeout,
        stdout=subprocess.PIPE if quiet else None, stderr=subprocess.STDOUT if quiet else None,
    )
    if check and result.returncode != 0:
        tail = (result.stdout or "")[-3000:]
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({result.returncode}):\n{tail}")
    return result


def child_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZAVUDEV_")}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    for key in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        env.pop(key, None)
    env.pop("NODE_OPTIONS", None)
    return env


# ---------------------------------------------------------------------------------------------
# Setup


class Setup:
    def __init__(self, skip: bool):
        self.skip = skip
        self.notes: dict[str, str] = {}  # impl or language -> why it is missing
        self.versions: dict[str, str] = {}
        self.py_pub = WORK / "pub-py" / "bin" / "python"
        self.py_ours = WORK / "ours-py" / "bin" / "python"
        self.node_pub = WORK / "pub-node"
        self.node_ours = WORK / "ours-node"
        self.rust_bin = ROOT / "target" / "release" / "zavu-bench"
        self.go_bin = WORK / "go-bench"
        self.php_dist = WORK / "php-dist"
        self.rb_home = WORK / "ours-rb"
        self.kt_classpath = WORK / "kotlin" / "classpath.txt"

    def run(self, only: set[str]) -> None:
        WORK.mkdir(parents=True, exist_ok=True)
        self.system_tools()
        steps = [
            ("rust", self.rust),
            ("python", self.published_python),
            ("python", self.our_python),
            ("node", self.published_node),
            ("node", self.our_node),
            ("go", self.go),
            ("php", self.our_php),
            ("ruby", self.our_ruby),
            ("kotlin", self.our_kotlin),
        ]
        for language, step in steps:
            if language not in only:
                continue
            try:
                step()
            except Exception as error:  # noqa: BLE001 - every failure becomes a note in the table
                key = step.__name__
                self.notes[key] = str(error).strip().splitlines()[0][:300]
                log(f"{key}: {error}")
        ours_node = self.node_ours / "node_modules" / "@zavudev" / "sdk" / "package.json"
        if ours_node.exists():
            self.versions["@zavudev/sdk (ours)"] = json.loads(ours_node.read_text())["version"]
        self.versions["python"] = platform.python_version()
        self.versions["node"] = sh(["node", "--version"]).stdout.strip()
        self.versions["rustc"] = sh(["rustc", "--version"]).stdout.strip()
        self.versions["nginx"] = sh(["nginx", "-v"]).stdout.strip().split("/")[-1]
        self.versions["wrk"] = sh(["wrk", "-v"], check=False).stdout.split()[1]

    def system_tools(self) -> None:
        missing = [tool for tool in ("nginx", "wrk") if not shutil.which(tool)]
        if not missing:
            return
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            raise SystemExit(f"bench needs {', '.join(missing)}: install Debian's nginx-light and wrk")
        log("installing nginx-light and wrk from Debian")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if sh(["apt-get", "install", "-y", "-qq", "nginx-light", "wrk"], env=env, check=False).returncode:
            sh(["apt-get", "update", "-qq"], env=env)
            sh(["apt-get", "install", "-y", "-qq", "nginx-light", "wrk"], env=env)
        # The package may start a system nginx on port 80; ours runs on its own port.

    def our_php(self) -> None:
        """The release extension and the Composer package, packed as users get them (dist.sh),
        and Debian's php-curl for the bare-curl rows."""
        if not (ROOT / "bindings-php" / "dist.sh").exists():
            raise RuntimeError("not built yet: bindings-php does not exist in this checkout")
        if sh(["php", "-r", "exit(extension_loaded('curl') ? 0 : 1);"], check=False).returncode:
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            if sh(["apt-get", "install", "-y", "-qq", "php-curl"], env=env, check=False).returncode:
                sh(["apt-get", "update", "-qq"], env=env)
                sh(["apt-get", "install", "-y", "-qq", "php-curl"], env=env)
        if self.skip and (self.php_dist / "zavudev.so").exists():
            return
        log("building the PHP extension (release) with bindings-php/dist.sh")
        sh(["bash", str(ROOT / "bindings-php" / "dist.sh"), "--out", str(self.php_dist)], cwd=ROOT)

    def rust(self) -> None:
        if self.skip and self.rust_bin.exists():
            return
        log("building zavu-bench (release)")
        sh(["cargo", "build", "--release", "--locked", "-p", "zavu-bench"], cwd=ROOT)

    def go(self) -> None:
        """bench/go built as a user builds it: the release zavu-c library where the package's
        cgo directives look (what `make dist-go` does), then a plain `go build`."""
        go = shutil.which("go") or "/usr/local/go/bin/go"
        self.versions["go"] = sh([go, "version"]).stdout.split()[2]
        if self.skip and self.go_bin.exists():
            return
        log("building zavu-c (release) and bench/go")
        sh(["cargo", "build", "--release", "--locked", "-p", "zavu-c"], cwd=ROOT)
        lib = ROOT / "bindings-go" / "lib" / "linux_amd64"
        lib.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "target" / "release" / "libzavu_c.a", lib / "libzavu_c.a")
        sh([go, "build", "-o", str(self.go_bin), "."], cwd=HERE / "go")

    def venv(self, path: Path) -> Path:
        python = path / "bin" / "python"
        if not python.exists():
            sh([sys.executable, "-m", "venv", str(path)])
            sh([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=False)
        return python

    def pip_version(self, python: Path, name: str) -> str | None:
        out = sh([str(python), "-m", "pip", "show", name], check=False).stdout
        for line in out.splitlines():
            if line.startswith("Version:"):
                return line.split()[1]
        return None

    def published_python(self) -> None:
        python = self.venv(WORK / "pub-py")
        if self.pip_version(python, "zavudev") != PUBLISHED_PY:
            log(f"installing zavudev=={PUBLISHED_PY} from PyPI into {python.parent.parent}")
            sh([str(python), "-m", "pip", "install", "-q", f"zavudev=={PUBLISHED_PY}"])

    def our_python(self) -> None:
        if not (ROOT / "pyproject.toml").exists() or not (ROOT / "bindings-python" / "Cargo.toml").exists():
            raise RuntimeError("not built yet: bindings-python does not exist in this checkout")
        wheel = None
        wheels = WORK / "wheels" / "ours"
        dist = sorted((ROOT / "dist").glob("**/zavudev-*.whl"), key=lambda p: p.stat().st_mtime)
        if dist and (not self.skip or not self.py_ours.exists()):
            # `make dist`'s wheel (issue 16): what `pip install zavudev` gives a user.
            log(f"installing our Python wheel from {dist[-1].relative_to(ROOT)}")
            python = self.venv(WORK / "ours-py")
            sh([str(python), "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", str(dist[-1])])
            self.versions["zavudev (ours)"] = f"{self.pip_version(self.py_ours, 'zavudev')} (dist/)"
            return
        if not self.skip or not self.py_ours.exists():
            tools = self.venv(WORK / "tools")
            if not (WORK / "tools" / "bin" / "maturin").exists():
                sh([str(tools), "-m", "pip", "install", "-q", "maturin>=1.16,<2"])
            log("building our Python wheel (maturin, release)")
            shutil.rmtree(wheels, ignore_errors=True)
            maturin = [str(WORK / "tools" / "bin" / "maturin"), "build", "--release", "--out", str(wheels),
                       "--interpreter", sys.executable]
            if sh(maturin, cwd=ROOT, check=False).returncode != 0:
                # Another maturin run sharing target/maturin can remove the library between
                # cargo's build and maturin's copy; once more is enough.
                sh(maturin, cwd=ROOT)
            wheel = next(wheels.glob("zavudev-*.whl"))
            python = self.venv(WORK / "ours-py")
            sh([str(python), "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", str(wheel)])
        self.versions["zavudev (ours)"] = self.pip_version(self.py_ours, "zavudev") or "?"

    def published_node(self) -> None:
        folder = self.node_pub
        manifest = folder / "node_modules" / "@zavudev" / "sdk" / "package.json"
        if manifest.exists() and json.loads(manifest.read_text())["version"] == PUBLISHED_NODE:
            return
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_text('{"private": true}\n')
        log(f"installing @zavudev/sdk@{PUBLISHED_NODE} from npm into {folder}")
        sh(["npm", "install", "--no-audit", "--no-fund", f"@zavudev/sdk@{PUBLISHED_NODE}"], cwd=folder)

    def our_node(self) -> None:
        build = ROOT / "bindings-node" / "scripts" / "build.mjs"
        if not build.exists() or not (ROOT / "bindings-node" / "js").exists():
            raise RuntimeError("not built yet: bindings-node does not exist in this checkout")
        manifest = self.node_ours / "node_modules" / "@zavudev" / "sdk" / "package.json"
        if self.skip and manifest.exists():
            return
        # `make dist`'s tarballs (issue 16): the main package and its platform package(s), as
        # `npm install @zavudev/sdk` gives a user.
        tarballs = sorted((ROOT / "dist").glob("**/zavudev-sdk-*.tgz"))
        if tarballs:
            log(f"installing our Node package from {', '.join(str(t.relative_to(ROOT)) for t in tarballs)}")
            shutil.rmtree(self.node_ours, ignore_errors=True)
            self.node_ours.mkdir(parents=True)
            (self.node_ours / "package.json").write_text('{"private": true}\n')
            sh(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--offline",
                *map(str, tarballs)], cwd=self.node_ours)
            self.versions["@zavudev/sdk (ours)"] = json.loads(manifest.read_text())["version"] + " (dist/)"
            return
        if not (ROOT / "node_modules" / "@napi-rs" / "cli").exists():
            log("installing the root's npm dev dependencies (napi CLI), scripts off")
            sh(["npm", "ci" if (ROOT / "package-lock.json").exists() else "install",
                "--ignore-scripts", "--no-audit", "--no-fund"], cwd=ROOT)
        # A copy of the package's files, so the release addon is built beside them and never
        # over the binding's own (debug) build in bindings-node/native.
        stage = WORK / "ours-node-pkg"
        shutil.rmtree(stage, ignore_errors=True)
        package = json.loads((ROOT / "package.json").read_text())
        for pattern in ["package.json", "README.md", *package.get("files", [])]:
            for source in ROOT.glob(pattern.rstrip("/")):
                target = stage / source.relative_to(ROOT)
                if source.is_dir():
                    shutil.copytree(source, target, dirs_exist_ok=True)
                elif not source.name.endswith(".node"):
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, target)
        log("building our Node addon (napi, release)")
        sh(["node", str(build), "--release", "--output-dir", str(stage / "bindings-node" / "native")], cwd=ROOT)
        packed = sh(["npm", "pack", "--ignore-scripts", "--pack-destination", str(WORK)], cwd=stage).stdout
        tarball = WORK / packed.strip().splitlines()[-1]
        shutil.rmtree(self.node_ours, ignore_errors=True)
        self.node_ours.mkdir(parents=True)
        (self.node_ours / "package.json").write_text('{"private": true}\n')
        sh(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", str(tarball)], cwd=self.node_ours)
        self.versions["@zavudev/sdk (ours)"] = json.loads(manifest.read_text())["version"]

    def our_ruby(self) -> None:
        """Our gem as users get it: the release platform gem (make dist-ruby), installed into
        its own GEM_HOME."""
        if self.skip and (self.rb_home / "gems").exists():
            return
        sh(["bash", str(ROOT / "bindings-ruby" / "build-gem.sh")], quiet=False)
        gem = max((ROOT / "dist").glob("zavudev-*-x86_64-linux.gem"), key=lambda p: p.stat().st_mtime)
        shutil.rmtree(self.rb_home, ignore_errors=True)
        sh(["gem", "install", "--local", "--no-document", "--install-dir", str(self.rb_home), str(gem)])
        self.versions["zavudev gem (ours)"] = gem.name
        self.versions["ruby"] = sh(["ruby", "-e", "print RUBY_VERSION"]).stdout.strip()

    def our_kotlin(self) -> None:
        """The Maven package over the release uniffi library, and bench/kotlin on top of it."""
        if not (ROOT / "bindings-uniffi" / "kotlin" / "pom.xml").exists():
            raise RuntimeError("not built yet: bindings-uniffi/kotlin does not exist in this checkout")
        for tool in ("mvn", "java"):
            if not shutil.which(tool):
                raise RuntimeError(f"not measured: {tool} is not installed (make uniffi-test installs it)")
        out = WORK / "kotlin"
        if self.skip and self.kt_classpath.exists():
            return
        release = ROOT / "target" / "release"
        log("building zavu-uniffi (release) and the Kotlin package over it")
        sh(["cargo", "build", "--release", "--locked", "-p", "zavu-uniffi"], cwd=ROOT)
        sh(["cargo", "build", "--release", "--locked", "--manifest-path",
            "bindings-uniffi/uniffi-bindgen/Cargo.toml", "--target-dir", "target"], cwd=ROOT)
        # The package's sources staged apart, so its Maven build (Kotlin generated from the
        # release library) never lands in bindings-uniffi/kotlin/target, the tests' own.
        stage = WORK / "kt-pkg"
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(parents=True)
        shutil.copy2(ROOT / "bindings-uniffi" / "kotlin" / "pom.xml", stage / "pom.xml")
        shutil.copytree(ROOT / "bindings-uniffi" / "kotlin" / "src" / "main", stage / "src" / "main")
        # No Kotlin compile daemon: it outlives Maven and would take CPU during the rounds.
        mvn = ["mvn", "-q", "-B", "-Dkotlin.compiler.daemon=false"]
        sh([*mvn, "install", "-Dmaven.test.skip=true", f"-Dzavu.cargo.target={release}"], cwd=stage)
        version = sh([sys.executable, "-c", "import tomllib,sys; print(tomllib.load(open(sys.argv[1],'rb'))"
                      "['workspace']['package']['version'])", str(ROOT / "Cargo.toml")]).stdout.strip()
        out.mkdir(parents=True, exist_ok=True)
        sh([*mvn, "package", f"-Dzavu.sdk.version={version}"], cwd=HERE / "kotlin")
        sh([*mvn, "dependency:build-classpath", f"-Dzavu.sdk.version={version}",
            f"-Dmdep.outputFile={out / 'deps.txt'}"], cwd=HERE / "kotlin")
        classes = WORK / "kotlin-build" / "classes"
        self.kt_classpath.write_text(f"{classes}:{(out / 'deps.txt').read_text().strip()}")
        self.versions["zavu-sdk Kotlin (ours)"] = version
        self.versions["java"] = sh(["java", "-version"]).stdout.splitlines()[0]

    def available(self, impl: str) -> str | None:
        """Why `impl` cannot run, or None."""
        s = self
        need = {
            **{impl: ("rust", s.rust_bin) for impl in RUST_RUNS},
            "py-ours": ("our_python", s.py_ours), "py-ours-async": ("our_python", s.py_ours),
            "py-pub": ("published_python", s.py_pub), "py-pub-async": ("published_python", s.py_pub),
            "node-ours": ("our_node", s.node_ours / "node_modules" / "@zavudev" / "sdk"),
            "node-pub": ("published_node", s.node_pub / "node_modules" / "@zavudev" / "sdk"),
            "go-ours": ("go", s.go_bin), "go-bare": ("go", s.go_bin),
            "php-ours": ("our_php", s.php_dist / "zavudev.so"),
            "php-curl": ("our_php", s.php_dist / "zavudev.so"),
            "rb-ours": ("our_ruby", s.rb_home / "gems"),
            "kt-ours": ("our_kotlin", s.kt_classpath),
        }.get(impl)
        if need is None:
            return None
        step, path = need
        if step in s.notes:
            return s.notes[step]
        if not Path(path).exists():
            return "not built yet"
        return None


# ---------------------------------------------------------------------------------------------
# The canned server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, walk_pages: int):
        self.dir = WORK / "canned"
        shutil.rmtree(self.dir, ignore_errors=True)
        self.port = free_port()
        self.conf = canned.write(self.dir, self.port, walk_pages)
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen(
            ["nginx", "-c", str(self.conf), "-p", str(self.dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/v1/invitations/{canned.INVITATION_ID}", timeout=1) as r:
                    json.load(r)
                return self
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    err = self.process.stderr.read().decode() if self.process.stderr else ""
                    raise SystemExit(f"nginx did not start: {err}")
                time.sleep(0.05)

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# ---------------------------------------------------------------------------------------------
# Measuring


class Bench:
    def __init__(self, setup: Setup, server: Server, seconds: float):
        self.setup = setup
        self.url = server.url
        self.seconds = seconds
        self.errors: dict[str, str] = {}

    def command(self, impl: str, workload: str) -> list[str] | None:
        s, url, secs = self.setup, self.url, str(self.seconds)
        if impl in RUST_RUNS:
            suffix, runtime = RUST_RUNS[impl]
            return [str(s.rust_bin), workload + suffix, "--base-url", url, "--seconds", secs, "--runtime", runtime]
        if impl.startswith("py-"):
            python = s.py_ours if "ours" in impl else s.py_pub
            # The async rows' sequential get and list: AsyncZavudev, one awaited call at a time.
            use_async = ["--async"] if impl.endswith("-async") and workload != "get64" else []
            return [str(python), str(HERE / "python" / "workload.py"), "--sdk",
                    "ours" if "ours" in impl else "published", "--workload", workload,
                    "--base-url", url, "--seconds", secs, *use_async]
        if impl.startswith("node-"):
            env_dir = s.node_ours if impl == "node-ours" else s.node_pub
            return ["node", str(HERE / "node" / "workload.mjs"), "--env", str(env_dir), "--sdk",
                    "ours" if impl == "node-ours" else "published", "--workload", workload,
                    "--base-url", url, "--seconds", secs]
        if impl.startswith("go-"):
            return [str(s.go_bin), "--sdk", impl.removeprefix("go-"), "--workload", workload,
                    "--base-url", url, "--seconds", secs]
        if impl.startswith("php-"):
            return ["php", "-d", f"extension={s.php_dist / 'zavudev.so'}", str(HERE / "php" / "workload.php"),
                    "--sdk", "ours" if impl == "php-ours" else "curl", "--workload", workload,
                    "--base-url", url, "--seconds", secs, "--dist", str(s.php_dist)]
        if impl == "kt-ours":
            lib = ROOT / "target" / "release" / "libzavu_uniffi.so"
            return ["java", "-cp", s.kt_classpath.read_text().strip(),
                    f"-Duniffi.component.zavu_uniffi.libraryOverride={lib}",
                    f"-Duniffi.component.zavu_core.libraryOverride={lib}",
                    f"-Djna.library.path={lib.parent}",
                    "dev.zavu.bench.MainKt", "--workload", workload, "--base-url", url, "--seconds", secs]
        if impl == "rb-ours":
            return ["env", f"GEM_HOME={s.rb_home}", f"GEM_PATH={s.rb_home}", "ruby",
                    str(HERE / "ruby" / "workload.rb"), "--workload", workload, "--base-url", url,
                    "--seconds", secs]
        raise ValueError(impl)

    def wrk(self, impl: str, workload: str) -> tuple[float, float | None]:
        path = "/v1/invitations" if workload == "list" else f"/v1/invitations/{canned.INVITATION_ID}"
        conns, threads = ("1", "1") if impl == "wire-1" else ("64", "2")
        secs = max(1, round(self.seconds))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = sh(["wrk", "-t", threads, "-c", conns, "-d", f"{secs}s", self.url + path]).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        if "Non-2xx" in out or "Socket errors" in out:
            raise RuntimeError(f"wrk saw errors:\n{out}")
        requests = None
        for line in out.splitlines():
            if "requests in" in line:
                requests = int(line.split()[0])
            if line.startswith("Requests/sec:"):
                return float(line.split()[1]), (cpu / requests * 1e6 if requests else None)
        raise RuntimeError(f"wrk printed no rate:\n{out}")

    def measure(self, impl: str, workload: str) -> tuple[float | None, float | None]:
        """Calls per second and CPU microseconds per call (user + system of the client process
        over the timed phase, as the workload reports it; for wrk, its whole run)."""
        if impl.startswith("wire-"):
            return self.wrk(impl, workload)
        cmd = self.command(impl, workload)
        result = subprocess.run(cmd, env=child_env(), cwd=WORK, text=True, capture_output=True,
                                timeout=self.seconds * 3 + 120)
        if result.returncode != 0:
            self.errors[f"{impl}/{workload}"] = (result.stderr or result.stdout).strip()[-500:]
            log(f"{impl} {workload} failed: {(result.stderr or result.stdout).strip()[-300:]}")
            return None, None
        out = json.loads(result.stdout.strip().splitlines()[-1])
        cpu = out.get("cpu_s")
        calls = out.get("calls")
        return out["rate"], (cpu / calls * 1e6 if cpu is not None and calls else None)

    def rounds(self, impls: list[str], rounds: int) -> tuple[dict, dict]:
        samples: dict[str, dict[str, list[float | None]]] = {i: {} for i in impls}
        cpu: dict[str, dict[str, list[float | None]]] = {i: {} for i in impls}
        for r in range(rounds):
            # Rotate the order each round so no implementation always runs first or last.
            order = impls[r % len(impls):] + impls[: r % len(impls)]
            for workload in WORKLOADS:
                for impl in order:
                    if workload not in IMPLS[impl][2]:
                        continue
                    rate, per_call = self.measure(impl, workload)
                    samples[impl].setdefault(workload, []).append(rate)
                    cpu[impl].setdefault(workload, []).append(per_call)
                    shown = "failed" if rate is None else f"{rate:,.0f}/s"
                    if per_call is not None:
                        shown += f", {per_call:,.1f} µs CPU/call"
                    log(f"round {r + 1}/{rounds} {workload:7} {impl:14} {shown}")
        return samples, cpu

    def walk(self, impl: str) -> dict:
        s = self.setup
        if impl == "rust":
            cmd = [str(s.rust_bin), "walk", "--base-url", self.url]
        elif impl.startswith("py-"):
            python = s.py_ours if "ours" in impl else s.py_pub
            cmd = [str(python), str(HERE / "python" / "workload.py"), "--sdk",
                   "ours" if "ours" in impl else "published",
                   "--workload", "walk-async" if impl.endswith("async") else "walk", "--base-url", self.url]
        else:
            cmd = ["node", str(HERE / "node" / "workload.mjs"), "--env",
                   str(s.node_ours if impl == "node-ours" else s.node_pub), "--sdk",
                   "ours" if impl == "node-ours" else "published", "--workload", "walk", "--base-url", self.url]
        result = subprocess.run(cmd, env=child_env(), cwd=WORK, text=True, capture_output=True, timeout=600)
        if result.returncode != 0:
            raise RuntimeError((result.stderr or result.stdout).strip()[-300:])
        return json.loads(result.stdout.strip().splitlines()[-1])


def cold_start(setup: Setup, runs: int, only: set[str]) -> dict:
    """Wall time and peak RSS of a fresh interpreter that imports the SDK and builds a client,
    against the same interpreter doing nothing; medians of `runs`, interleaved."""
    # Each child prints its own VmHWM at the end: rusage's maxrss would also count the image of
    # this driver that the child was forked from before exec.
    py_peak = "; print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])"
    node_peak = "; console.log(require('fs').readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\\s+(\\d+)/)[1])"
    py_code = f"import zavudev; zavudev.Zavudev(api_key={API_KEY!r}, base_url='http://127.0.0.1:9')" + py_peak
    node_code = (f"const s = require('@zavudev/sdk'); const Z = s.default ?? s.Zavudev; "
                 f"new Z({{ apiKey: '{API_KEY}', baseURL: 'http://127.0.0.1:9' }})" + node_peak)
    cases = {}
    if "python" in only:
        cases["python-bare"] = ([str(setup.py_pub), "-c", "pass" + py_peak], WORK)
        if setup.py_ours.exists() and "our_python" not in setup.notes:
            cases["py-ours"] = ([str(setup.py_ours), "-c", py_code], WORK)
        if setup.py_pub.exists():
            cases["py-pub"] = ([str(setup.py_pub), "-c", py_code], WORK)
    if "node" in only:
        cases["node-bare"] = (["node", "-e", "0" + node_peak], setup.node_pub)
        if (setup.node_ours / "node_modules").exists() and "our_node" not in setup.notes:
            cases["node-ours"] = (["node", "-e", node_code], setup.node_ours)
        if (setup.node_pub / "node_modules").exists():
            cases["node-pub"] = (["node", "-e", node_code], setup.node_pub)
    samples = {name: {"ms": [], "rss_kib": []} for name in cases}
    for i in range(runs + 1):  # the first pass warms the page cache and is dropped
        for name, (cmd, cwd) in cases.items():
            start = time.perf_counter()
            proc = subprocess.run(cmd, cwd=cwd, env=child_env(), capture_output=True, text=True)
            elapsed = (time.perf_counter() - start) * 1000
            if proc.returncode != 0:
                raise RuntimeError(f"{name}: {proc.stderr[-300:]}")
            if i:
                samples[name]["ms"].append(elapsed)
                samples[name]["rss_kib"].append(int(proc.stdout.split()[-1]))
    return {name: {"ms": statistics.median(v["ms"]), "rss_mib": statistics.median(v["rss_kib"]) / 1024,
                   "ms_all": v["ms"]} for name, v in samples.items()}


def du(paths) -> int:
    total = 0
    for path in paths:
        path = Path(path)
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            for root, _, files in os.walk(path):
                for f in files:
                    p = Path(root) / f
                    if not p.is_symlink():
                        total += p.stat().st_size
    return total


def installed_sizes(setup: Setup) -> dict:
    sizes = {}
    tooling = {"pip", "setuptools", "_distutils_hack", "pkg_resources", "distutils-precedence.pth"}
    for name, python in (("py-ours", setup.py_ours), ("py-pub", setup.py_pub)):
        if not python.exists():
            continue
        site = next((python.parent.parent / "lib").glob("python3*/site-packages"))
        entries = [p for p in site.iterdir()
                   if p.name.split("-")[0] not in tooling and p.name not in tooling and p.name != "__pycache__"]
        own = [p for p in entries if p.name.lower().startswith(("zavudev", "zavu"))]
        sizes[name] = {"package": du(own), "with_dependencies": du(entries)}
    for name, folder in (("node-ours", setup.node_ours), ("node-pub", setup.node_pub)):
        modules = folder / "node_modules"
        if modules.exists():
            sizes[name] = {"package": du([modules / "@zavudev" / "sdk"]), "with_dependencies": du([modules])}
    if setup.rust_bin.exists():
        sizes["rust"] = {"package": setup.rust_bin.stat().st_size, "with_dependencies": setup.rust_bin.stat().st_size}
    return sizes


def cpu_busy_seconds() -> float:
    """Busy CPU time of the whole machine so far, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a running process and its direct children (nginx's master and workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    for p in [str(pid), *children]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def own_cpu_seconds() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


# ---------------------------------------------------------------------------------------------
# Report


def summarize(samples: dict) -> dict:
    out = {}
    for impl, per in samples.items():
        for workload, values in per.items():
            good = [v for v in values if v is not None]
            if not good:
                out[(impl, workload)] = None
                continue
            median = statistics.median(good)
            out[(impl, workload)] = {
                "median": median, "min": min(good), "max": max(good), "samples": values,
                "spread_pct": (max(good) - min(good)) / median * 100 if median else 0.0,
            }
    return out


def same_run_ratio(samples: dict, a: tuple, b: tuple) -> float | None:
    """The median over rounds of a/b, each ratio taken within one round."""
    xs = samples.get(a[0], {}).get(a[1], [])
    ys = samples.get(b[0], {}).get(b[1], [])
    ratios = [x / y for x, y in zip(xs, ys) if x and y]
    return statistics.median(ratios) if ratios else None


def wire_for(workload: str) -> tuple[str, str]:
    if workload == "request":  # one PHP request's call is a get
        return ("wire-1", "get")
    return ("wire-64", "get64") if workload == "get64" else ("wire-1", workload)


def fmt_rate(v: float | None) -> str:
    return "—" if v is None else f"{v:,.0f}"


def fmt_ratio(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}×"


def render(report: dict) -> str:
    samples = report["samples"]
    stats = summarize(samples)
    lines = []
    meta = report["meta"]
    lines.append(f"Measured {meta['date']} on {meta['machine']}; {meta['rounds']} round(s) of "
                 f"{meta['seconds']:g} s per cell, implementations interleaved.")
    lines.append(f"Versions: {', '.join(f'{k} {v}' for k, v in meta['versions'].items())}.")
    if samples:
        lines.append(f"Other processes used {meta['other_cpu_pct']:.0f}% of the machine's CPU during the rounds"
                     + (" — **measured while the machine was busy: absolute numbers are low and noisy; "
                        "same-run ratios hold up better**." if meta["other_cpu_pct"] > 5 else "."))
    if samples:
        render_speed(lines, report, samples, stats)
    render_rest(lines, report)
    return "\n".join(lines) + "\n"


def render_speed(lines: list[str], report: dict, samples: dict, stats: dict) -> None:
    lines.append("")
    lines.append("### Calls per second (medians; spread = (max − min) / median over rounds)")
    lines.append("")
    lines.append("CPU/call: user + system time of the client process over the timed phase (every thread) "
                 "divided by its calls, median over rounds; for wrk, its whole run.")
    lines.append("")
    lines.append("| workload | implementation | calls/s | spread | CPU/call | ours / published | / wire |")
    lines.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for workload, title in WORKLOADS.items():
        for impl, (label, _, workloads) in IMPLS.items():
            if workload not in workloads:
                continue
            if impl in report["skipped"]:
                lines.append(f"| {title} | {label} | {report['skipped'][impl]} | | | | |")
                continue
            if impl not in samples:
                continue  # left out of this run (BENCH_ONLY)
            st = stats.get((impl, workload))
            if st is None:
                lines.append(f"| {title} | {label} | failed | | | | |")
                continue
            vs_pub = same_run_ratio(samples, (impl, workload), (BASELINE[impl], workload)) if impl in BASELINE else None
            vs_wire = None if impl.startswith("wire") else same_run_ratio(samples, (impl, workload), wire_for(workload))
            cpus = [c for c in report.get("cpu", {}).get(impl, {}).get(workload, []) if c is not None]
            cpu = f"{statistics.median(cpus):,.1f} µs" if cpus else "—"
            lines.append(f"| {title} | {label} | {fmt_rate(st['median'])} | {st['spread_pct']:.0f}% | {cpu} | "
                         f"{fmt_ratio(vs_pub)} | {fmt_ratio(vs_wire)} |")
    lines.append("")
    lines.append("### Targets (same-run ratios)")
    lines.append("")
    lines.append("| target | measured | met |")
    lines.append("| --- | ---: | --- |")
    for label, a, b, minimum in TARGETS:
        ratio = same_run_ratio(samples, a, b)
        met = "—" if ratio is None else ("yes" if ratio >= minimum else "**no**")
        lines.append(f"| {label} | {fmt_ratio(ratio)} | {met} |")


def chart_svg(report: dict) -> str:
    """The same-run ratios as a plain SVG: per workload, each implementation's share of the wire
    limit, and each of our packages against its published SDK."""
    samples = report["samples"]
    esc = lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # noqa: E731
    rows: list[tuple[str, str, float | None, str]] = []  # (kind, label, ratio, colour)
    for workload, title in WORKLOADS.items():
        wire = wire_for(workload)
        if wire[1] != workload or workload not in IMPLS[wire[0]][2]:
            continue
        bars = []
        for impl, (label, language, workloads) in IMPLS.items():
            if language == "wire" or workload not in workloads or impl not in samples:
                continue
            ratio = same_run_ratio(samples, (impl, workload), wire)
            if ratio is not None:
                colour = "#9aa5b1" if "published" in label else "#888888" if "bare" in label else "#2f6fb5"
                bars.append(("bar", label, ratio, colour))
        if bars:
            rows.append(("head", f"{title}: share of the wire limit (wrk), same run", None, ""))
            rows.extend(bars)
    pub = []
    for impl, base in BASELINE.items():
        for workload, title in WORKLOADS.items():
            ratio = same_run_ratio(samples, (impl, workload), (base, workload))
            if ratio is not None:
                pub.append(("bar", f"{IMPLS[impl][0]}: {title}", ratio, "#2f9e6f"))
    if pub:
        rows.append(("head", "ours ÷ the published SDK, same run (log scale: 1× to 100×)", None, ""))
        rows.extend(pub)
    label_w, bar_w, row_h, top = 470, 380, 18, 30
    height = top + row_h * len(rows) + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 80}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="100%" height="100%" fill="white"/>',
           f'<text x="8" y="18" font-size="13" font-weight="bold">{esc(report["meta"]["date"])}: '
           f'same-run ratios (medians over rounds)</text>']
    y = top
    log_scale = False
    for kind, label, ratio, colour in rows:
        if kind == "head":
            log_scale = label.startswith("ours ÷")
            out.append(f'<text x="8" y="{y + 13}" font-weight="bold">{esc(label)}</text>')
        else:
            import math
            frac = (min(math.log10(max(ratio, 1.0)), 2.0) / 2.0) if log_scale else min(ratio, 1.0)
            w = max(1.0, frac * bar_w)
            out.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{esc(label)}</text>')
            out.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 5}" fill="{colour}"/>')
            out.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}">{ratio:.2f}×</text>')
        y += row_h
    out.append(f'<text x="8" y="{y + 20}" fill="#555">blue: ours; grey: published SDKs and bare clients; '
               f'green: ours ÷ published. Written by bench/run.py.</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def render_rest(lines: list[str], report: dict) -> None:
    cold = report.get("cold", {})
    if cold:
        lines.append("")
        lines.append("### Import and build a client (fresh interpreter; medians)")
        lines.append("")
        lines.append("| implementation | wall time | added to bare interpreter | peak RSS | added RSS |")
        lines.append("| --- | ---: | ---: | ---: | ---: |")
        for name, label, bare in (("py-ours", "Python, ours", "python-bare"),
                                  ("py-pub", f"Python, published {PUBLISHED_PY}", "python-bare"),
                                  ("node-ours", "Node, ours", "node-bare"),
                                  ("node-pub", f"Node, published {PUBLISHED_NODE}", "node-bare")):
            if name not in cold or bare not in cold:
                continue
            c, b = cold[name], cold[bare]
            lines.append(f"| {label} | {c['ms']:.0f} ms | {c['ms'] - b['ms']:.0f} ms | "
                         f"{c['rss_mib']:.1f} MiB | {c['rss_mib'] - b['rss_mib']:.1f} MiB |")
        for bare, label in (("python-bare", "bare `python -c pass`"), ("node-bare", "bare `node -e 0`")):
            if bare in cold:
                lines.append(f"| {label} | {cold[bare]['ms']:.0f} ms | | {cold[bare]['rss_mib']:.1f} MiB | |")
    walk = report.get("walk", {})
    if walk:
        lines.append("")
        lines.append(f"### Walking {report['meta']['walk_items']:,} invitations through the all-pages iterator")
        lines.append("")
        lines.append("| implementation | items | time | RSS before | peak RSS added |")
        lines.append("| --- | ---: | ---: | ---: | ---: |")
        for impl, w in walk.items():
            if "error" in w:
                lines.append(f"| {WALK_LABELS[impl]} | {w['error']} | | | |")
                continue
            added = (w["rss_peak_kib"] - w["rss_before_kib"]) / 1024
            lines.append(f"| {WALK_LABELS[impl]} | {w['items']:,} | {w['seconds']:.1f} s | "
                         f"{w['rss_before_kib'] / 1024:.1f} MiB | {added:.1f} MiB |")
    sizes = report.get("sizes", {})
    if sizes:
        lines.append("")
        lines.append("### Installed size")
        lines.append("")
        lines.append("| implementation | package | with dependencies |")
        lines.append("| --- | ---: | ---: |")
        for name, label in (("py-ours", "Python, ours"), ("py-pub", f"Python, published {PUBLISHED_PY}"),
                            ("node-ours", "Node, ours"), ("node-pub", f"Node, published {PUBLISHED_NODE}"),
                            ("rust", "Rust: the zavu-bench binary (core statically linked)")):
            if name in sizes:
                s = sizes[name]
                lines.append(f"| {label} | {s['package'] / 2**20:.1f} MiB | {s['with_dependencies'] / 2**20:.1f} MiB |")
    if report["errors"]:
        lines.append("")
        lines.append("### Failures")
        lines.append("")
        for key, text in report["errors"].items():
            first = text.strip().splitlines()[-1] if text.strip() else "?"
            lines.append(f"- {key}: {first[:200]}")


WALK_LABELS = {
    "rust": "Rust core",
    "py-ours": "Python, ours (sync)",
    "py-ours-async": "Python, ours (async)",
    "py-pub": f"Python, published {PUBLISHED_PY} (sync)",
    "py-pub-async": f"Python, published {PUBLISHED_PY} (async)",
    "node-ours": "Node, ours",
    "node-pub": f"Node, published {PUBLISHED_NODE}",
}


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
    return f"{os.cpu_count()} cores ({model}), {mem:.0f} GiB, {platform.system()} {platform.release()}"


README = HERE / "README.md"
README_START = "<!-- bench:latest:start: written by bench/run.py from results/latest.md -->"
README_END = "<!-- bench:latest:end -->"


def readme_with(table: str) -> str:
    """bench/README.md with `table` between its markers."""
    text = README.read_text()
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    return text[:start] + "\n\n" + table.strip() + "\n\n" + text[end:]


def check_readme() -> int:
    """Whether bench/README.md shows the committed results/latest.md, as a run leaves it."""
    latest = (HERE / "results" / "latest.md").read_text()
    if readme_with(latest) != README.read_text():
        print("bench/README.md does not show bench/results/latest.md; "
              "copy it between the markers (a full `make bench` run does)", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="a short run that only checks the harness")
    parser.add_argument("--skip-setup", action="store_true", help="reuse built environments as they are")
    parser.add_argument("--check-readme", action="store_true",
                        help="only check that bench/README.md shows results/latest.md")
    args = parser.parse_args()
    if args.check_readme:
        return check_readme()

    seconds = float(os.environ.get("BENCH_SECONDS", "1" if args.smoke else "10"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "1" if args.smoke else "3"))
    cold_runs = int(os.environ.get("BENCH_COLD_RUNS", "3" if args.smoke else "10"))
    only = set(os.environ.get("BENCH_ONLY", "rust,python,node,go,php,ruby,kotlin").split(","))
    walk_pages = 40 if args.smoke else canned.WALK_PAGES
    all_parts = {"speed", "walk", "cold", "size"}
    parts = set(os.environ.get("BENCH_PARTS", ",".join(sorted(all_parts))).split(","))

    setup = Setup(args.skip_setup)
    setup.run(only)

    impls = ["wire-1", "wire-64"]
    skipped = {}
    lang_of = {"rust": "rust", "python": "python", "node": "node", "go": "go", "php": "php", "ruby": "ruby",
               "kotlin": "kotlin"}
    for impl, (_, language, _) in IMPLS.items():
        if language == "wire":
            continue
        if lang_of[language] not in only:
            continue
        why = setup.available(impl)
        if why:
            skipped[impl] = why if why.startswith("not built yet") else f"not measured: {why}"
            log(f"skipping {impl}: {why}")
        else:
            impls.append(impl)

    report = {"samples": {}, "skipped": skipped, "errors": {}, "walk": {}, "cold": {}, "sizes": {}}
    with Server(walk_pages) as server:
        bench = Bench(setup, server, seconds)
        log(f"canned API at {server.url}; {rounds} round(s) × {seconds:g} s")
        busy0, own0, wall0 = cpu_busy_seconds(), own_cpu_seconds() + tree_cpu_seconds(server.process.pid), time.monotonic()
        report["samples"], report["cpu"] = bench.rounds(impls, rounds) if "speed" in parts else ({}, {})
        busy1, own1, wall1 = cpu_busy_seconds(), own_cpu_seconds() + tree_cpu_seconds(server.process.pid), time.monotonic()
        for impl in ["rust", "py-ours", "py-ours-async", "py-pub", "py-pub-async", "node-ours", "node-pub"]:
            base = impl.replace("-async", "")
            if base not in impls or "walk" not in parts:
                continue
            log(f"walk {impl}")
            try:
                report["walk"][impl] = bench.walk(impl)
            except Exception as error:  # noqa: BLE001
                report["walk"][impl] = {"error": f"failed: {str(error)[-150:]}"}
        report["errors"] = bench.errors
    log("cold start")
    try:
        report["cold"] = cold_start(setup, cold_runs, only) if "cold" in parts else {}
    except Exception as error:  # noqa: BLE001
        report["errors"]["cold start"] = str(error)
    report["sizes"] = installed_sizes(setup) if "size" in parts else {}

    # What the machine did besides this run: busy time minus ours (this process, its finished
    # children, and the running nginx's processes).
    other = max(0.0, (busy1 - busy0) - (own1 - own0))
    other_pct = other / ((wall1 - wall0) * os.cpu_count()) * 100 if wall1 > wall0 else 0.0
    report["meta"] = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "rounds": rounds,
        "seconds": seconds,
        "walk_items": walk_pages * canned.PAGE_SIZE,
        "versions": {**setup.versions, "published zavudev": PUBLISHED_PY, "published @zavudev/sdk": PUBLISHED_NODE},
        "other_cpu_pct": other_pct,
        "smoke": args.smoke,
        "parts": sorted(parts),
    }
    text = render(report)
    print(text)
    # Only a full run replaces the committed figures.
    out_dir = WORK / "smoke" if args.smoke else HERE / "results" if parts >= all_parts else WORK / "partial"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "latest.md").write_text(text)
    serial = dict(report)
    (out_dir / "latest.json").write_text(json.dumps(serial, indent=1, default=str) + "\n")
    if report["samples"]:
        (out_dir / "chart.svg").write_text(chart_svg(report))
    if out_dir == HERE / "results":
        README.write_text(readme_with(text))
    log(f"wrote {out_dir / 'latest.md'} and latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
