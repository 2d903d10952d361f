#!/usr/bin/env bash
# `make dist` and its per-language targets: what users install, built in release mode into dist/
# (ignored by git).
#
#   scripts/dist.sh build     every release native library into target/release: one cargo
#                             invocation for Node, Ruby, PHP and C/Go, one for uniffi (its core
#                             feature must stay out of the others); Python's is maturin's own
#                             build (`python`), which selects zavu-python alone
#   scripts/dist.sh python    dist/python/: the abi3 wheel (CPython 3.9+, manylinux_2_34 from
#                             this host, checked by auditwheel) and the sdist
#   scripts/dist.sh node      dist/node/: @zavudev/sdk (JS only, optionalDependencies on the
#                             platform package) and @zavudev/sdk-linux-x64-gnu (the stripped addon)
#   scripts/dist.sh kotlin    dist/kotlin/: the jar with linux-x86-64/libzavu_uniffi.so inside and
#                             its POM, installed by `mvn install` into the local Maven repository
#                             (~/.m2/repository, where `mvn install` puts things: a Maven user
#                             then depends on dev.zavu:zavu-sdk by its coordinates)
#   scripts/dist.sh ruby|php|go   bindings-ruby/build-gem.sh, bindings-php/dist.sh,
#                             bindings-go/dist.sh (which also checks its outside module), with
#                             scripts/dist-cargo as their cargo so they reuse the build above
#   scripts/dist.sh table     the table of what dist/ holds, with sizes
#   scripts/dist.sh run CMD   CMD with scripts/dist-cargo as its cargo (scripts/dist-test.sh)
#
# Every packaging step runs after `build` and asks cargo (or maturin, which calls cargo) for
# nothing that is not already built: the features below are exactly what each tool asks for.
# Libraries are stripped on the copy that ships (`strip --strip-unneeded`): uniffi's generator
# reads the unstripped library in target/release first (TOOLCHAIN.md: generate first, strip after).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
CARGO=${CARGO:-cargo}
export CARGO_TARGET_DIR="$root/target"
# Where the packaging steps take the built libraries from (a debug dir only to try the packaging).
release=${ZAVU_DIST_LIB_DIR:-$root/target/release}
dist="$root/dist"
version=$(python3 -c 'import sys; sys.path.insert(0, "scripts"); import versions; print(versions.cargo_version("."))')

step() { printf '\n== dist: %s\n' "$*"; }

build() {
    step "release native libraries: two cargo invocations, one target dir (target/release)"
    # Ruby's and PHP's build scripts need their headers (bindgen) before cargo starts.
    bash bindings-ruby/setup.sh
    bash bindings-php/setup.sh
    local start=$SECONDS
    # Every binding over plain core in ONE invocation (scripts/dist-cargo holds the command), so
    # each shared dependency compiles once for all four: a crate built alone has the same features
    # (workspace-hack) but, being a cdylib only, gets LTO-bitcode-only dependencies, a second graph.
    with_dist_cargo cargo build --release -p zavu-c
    # zavu-uniffi alone: it turns on core's `uniffi` feature (scaffolding exports), which must stay
    # out of every other library. The workspace-hack crate gives it the same dependency features
    # as the build above, so only zavu-core and zavu-uniffi compile again.
    "$CARGO" build --release --locked -p zavu-uniffi
    # The generator (a workspace of its own) is a host tool: its debug build, which `make
    # uniffi-test` already made, reads the release library just as well.
    "$CARGO" build --locked --manifest-path bindings-uniffi/uniffi-bindgen/Cargo.toml --target-dir "$root/target"
    echo "dist: release build took $((SECONDS - start)) s"
}

# with_dist_cargo CMD...: CMD with `cargo` (PATH and $CARGO) being scripts/dist-cargo, which turns
# a release build of one of the five libraries into the combined build above (see that file).
with_dist_cargo() {
    local bin="$root/target/dist-bin" real
    real=${ZAVU_REAL_CARGO:-$(command -v "$CARGO")}
    mkdir -p "$bin"
    ln -sfn "$root/scripts/dist-cargo" "$bin/cargo"
    # The same PATH for every dist build, however nested: build scripts (pyo3's, ext-php-rs's)
    # rerun, and rebuild their crates, when PATH changes.
    local path=$PATH
    [[ "$path" == "$bin:"* ]] || path="$bin:$path"
    ZAVU_REAL_CARGO="$real" CARGO="$bin/cargo" PATH="$path" "$@"
}

strip_copy() { # strip_copy SRC DEST: a stripped copy of a built library
    mkdir -p "$(dirname "$2")"
    cp -f "$1" "$2"
    strip --strip-unneeded "$2"
}

# The build tools for Python packaging, pinned, in their own venv under target/.
tools_venv() {
    local venv="$root/target/dist-venv"
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        -r "$root/scripts/dist-requirements.txt" >&2
    echo "$venv"
}

python_dist() {
    step "python: abi3 wheel + sdist (maturin), manylinux checked by auditwheel"
    local venv out="$dist/python"
    venv=$(tools_venv)
    rm -rf "$out"
    mkdir -p "$out"
    # maturin builds zavu-python alone (cargo rustc, with pyo3's environment), in target/release.
    # It tags the wheel with the oldest manylinux policy its symbols allow, which on this host's
    # glibc is manylinux_2_34 (auditwheel agrees, below). manylinux2014 (glibc 2.17) needs an old
    # sysroot: `--zig --compatibility manylinux2014` (a second build, for an explicit --target)
    # or the release workflow's manylinux2014 container (maturin-action). --strip ships no symbols.
    "$venv/bin/maturin" build --release --locked --strip --out "$out"
    "$venv/bin/maturin" sdist --out "$out"
    local wheel
    wheel=$(ls "$out"/zavudev-"$version"-*.whl)
    case "$wheel" in
        *-cp39-abi3-manylinux*_x86_64.whl) ;;
        *) echo "dist: unexpected wheel name $wheel (want cp39-abi3-manylinux*)" >&2; exit 1 ;;
    esac
    # auditwheel's own verdict: the wheel is consistent with a manylinux policy (no library
    # outside the policy, no symbol newer than its glibc).
    "$venv/bin/auditwheel" show "$wheel" | tee "$out/auditwheel.txt"
    # (auditwheel wraps its sentences: join the lines before matching; read whole, see node_dist.)
    local verdict
    verdict=$(tr -s '\n ' '  ' <"$out/auditwheel.txt")
    grep -Eq 'consistent with the following platform tag: "manylinux_2_[0-9]+_x86_64"' <<<"$verdict" ||
        { echo "dist: auditwheel does not find the wheel manylinux-compatible" >&2; exit 1; }
    rm -f "$out/auditwheel.txt"
}

node_dist() {
    step "node: @zavudev/sdk + @zavudev/sdk-linux-x64-gnu (napi-rs layout)"
    local out="$dist/node" stage="$root/target/npm-stage"
    rm -rf "$out" "$stage"
    mkdir -p "$out" "$stage/platform" "$stage/sdk/bindings-node/native"
    # The platform package: its committed package.json (napi create-npm-dirs) and the addon.
    cp bindings-node/npm/linux-x64-gnu/package.json bindings-node/npm/linux-x64-gnu/README.md "$stage/platform/"
    strip_copy "$release/libzavu_node.so" "$stage/platform/zavu.linux-x64-gnu.node"
    # The main package: everything `files` names but the addon, which comes from the platform
    # package through optionalDependencies (what `napi prepublish` adds at publish time, so the
    # repository's package.json and lockfile never name a package the registry may not have yet).
    cp package.json "$stage/sdk/"
    cp -R bindings-node/js "$stage/sdk/bindings-node/"
    mkdir -p "$stage/sdk/bindings-node/scripts"
    cp bindings-node/scripts/build.mjs "$stage/sdk/bindings-node/scripts/"
    cp bindings-node/native/index.js bindings-node/native/index.d.ts "$stage/sdk/bindings-node/native/"
    cp bindings-node/README.md "$stage/sdk/bindings-node/"
    node -e '
      const fs = require("fs");
      const [file, dirs] = process.argv.slice(1);
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
      pkg.optionalDependencies = {};
      for (const dir of fs.readdirSync(dirs).sort()) {
        const p = JSON.parse(fs.readFileSync(`${dirs}/${dir}/package.json`, "utf8"));
        pkg.optionalDependencies[p.name] = p.version;
      }
      fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
    ' "$stage/sdk/package.json" bindings-node/npm
    (cd "$stage/platform" && npm pack --ignore-scripts --silent --pack-destination "$out" >/dev/null)
    (cd "$stage/sdk" && npm pack --ignore-scripts --silent --pack-destination "$out" >/dev/null)
    # Listings are read whole before matching: `grep -q` exits at its first match, and under
    # pipefail the lister's SIGPIPE would then fail the step at random.
    local listing
    listing=$(tar -tzf "$out/zavudev-sdk-$version.tgz")
    if grep -q '\.node$' <<<"$listing"; then
        echo "dist: the main npm package must not carry an addon" >&2
        exit 1
    fi
    listing=$(tar -tzf "$out/zavudev-sdk-linux-x64-gnu-$version.tgz")
    grep -qx 'package/zavu.linux-x64-gnu.node' <<<"$listing"
}

kotlin_dist() {
    step "kotlin: jar with linux-x86-64/libzavu_uniffi.so, mvn install"
    local out="$dist/kotlin" resources="$root/target/kotlin-native"
    rm -rf "$out" "$resources"
    mkdir -p "$out"
    # JNA looks for <os>-<arch>/lib<name>.so on the classpath (Platform.RESOURCE_PREFIX).
    strip_copy "$release/libzavu_uniffi.so" "$resources/linux-x86-64/libzavu_uniffi.so"
    # The Kotlin sources are generated from the unstripped release library; tests are the
    # uniffi suite's job (`make uniffi-test`), not packaging's.
    (cd bindings-uniffi/kotlin && mvn -B -q -Dzavu.cargo.target="$release" \
        -Dzavu.bindgen="$root/target/debug/uniffi-bindgen" \
        -Dzavu.native.resources="$resources" -Dmaven.test.skip=true install)
    cp "bindings-uniffi/kotlin/target/zavu-sdk-$version.jar" "$out/"
    cp bindings-uniffi/kotlin/pom.xml "$out/zavu-sdk-$version.pom"
    local listing # read whole first (see node_dist: grep -q and pipefail)
    listing=$(unzip -Z1 "$out/zavu-sdk-$version.jar")
    grep -qx 'linux-x86-64/libzavu_uniffi.so' <<<"$listing" ||
        { echo "dist: the jar lacks linux-x86-64/libzavu_uniffi.so" >&2; exit 1; }
}

table() {
    printf '\n%-60s %10s\n' "artifact (dist/)" "size"
    printf '%-60s %10s\n' "------------------------------------------------------------" "----------"
    find "$dist" -type f \( -name '*.whl' -o -name '*.tar.gz' -o -name '*.tgz' -o -name '*.jar' \
        -o -name '*.gem' -o -name '*.so' -o -name '*.a' \) -printf '%P %s\n' 2>/dev/null | sort |
        while read -r path bytes; do
            printf '%-60s %10s\n' "$path" "$(numfmt --to=iec --suffix=B "$bytes")"
        done
    if [[ -f bindings-go/lib/linux_amd64/libzavu_c.a ]]; then
        printf '%-60s %10s\n' "(go) bindings-go/lib/linux_amd64/libzavu_c.a" \
            "$(numfmt --to=iec --suffix=B "$(stat -c %s bindings-go/lib/linux_amd64/libzavu_c.a)")"
    fi
}

[[ $# -ge 1 ]] || { sed -n '2,26p' "$0"; exit 2; }
if [[ "$1" == run ]]; then # scripts/dist.sh run CMD...: CMD with scripts/dist-cargo as its cargo
    shift
    with_dist_cargo "$@"
    exit
fi
for what in "$@"; do
    case "$what" in
        build) build ;;
        python) python_dist ;;
        node) node_dist ;;
        kotlin) kotlin_dist ;;
        # Each language's own packaging script, on the libraries `build` made.
        ruby) with_dist_cargo bash bindings-ruby/build-gem.sh ;;
        php) with_dist_cargo bash bindings-php/dist.sh ;;
        go) with_dist_cargo bash bindings-go/dist.sh ;;
        table) table ;;
        *) echo "dist.sh: unknown step $what" >&2; exit 2 ;;
    esac
done
