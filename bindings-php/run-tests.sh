#!/usr/bin/env bash
# Builds and checks the PHP binding from a clean clone:
#   1. setup.sh: php-dev, php-cli, php-fpm, phpunit, composer, libclang-dev when missing;
#   2. the sandbox binary the tests start, and the extension (debug, with the test-panic feature);
#   3. php -l over the package and its tests;
#   4. PHPUnit (every method, the guide's PHP verbatim, the conformance scenarios and the
#      hostile-arguments file, errors, webhooks, pcntl_fork, secrets, PHPDoc, php-fpm 1,000
#      requests), with the extension loaded by `-d extension=` as users load it;
#   5. the fault soak of tests/soak/ (four forked workers, sequential calls);
#   6. the dist layout (dist.sh, a dev build here; `make dist-php` packs the release one)
#      installed by Composer into a project outside the repository, offline, then the guide run
#      there with no Rust toolchain on the PATH (PHPUnit group `dist`).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
export CARGO_TARGET_DIR="$root/target"
extension="$root/target/php-test/zavudev.so"

step() { printf '\n== %s\n' "$*"; }

step "setup"
bash "$here/setup.sh"

step "cargo build -p zavu-sandbox; -p zavu-php --features test-panic"
cargo build --locked -p zavu-sandbox
# The tested extension can be made to panic inside core (tests/SafetyTest.php); it is copied
# aside because dist.sh below builds the same file without the feature, as users get it.
cargo build --locked -p zavu-php --features test-panic
mkdir -p "$root/target/php-test"
cp "$root/target/debug/libzavudev.so" "$extension"

cd "$here/php"
step "php -l"
for file in src/*.php src/Internal/*.php tests/*.php tests/Support/*.php tests/fpm/*.php examples/*.php; do
    php -l "$file" >/dev/null
done

export ZAVUDEV_PHP_EXTENSION="$extension"
# The suites set what they need; a developer's own settings must not leak into them.
unset ZAVUDEV_API_KEY ZAVUDEV_BASE_URL ZAVUDEV_CUSTOM_HEADERS ZAVUDEV_LOG

step "phpunit"
# Both PHPUnit runs go ahead whatever the first one finds, so one report shows every failure.
status=0
php -d "extension=$extension" /usr/bin/phpunit -c phpunit.xml --exclude-group dist "$@" || status=$?

step "fault soak through the binding (tests/soak: four forked workers)"
bash "$root/tests/soak/run.sh" soak php || status=$?

step "dist layout installed into an outside Composer project"
dist="$root/target/php-dist-check"
bash "$here/dist.sh" --profile dev --out "$dist"
ZAVUDEV_PHP_DIST="$dist" php -d "extension=$extension" /usr/bin/phpunit -c phpunit.xml --group dist || status=$?
exit "$status"
