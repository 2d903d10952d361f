<?php

declare(strict_types=1);

// The suites run the package from its source folder: a PSR-4 autoloader for `Zavudev\` (what
// Composer's autoload gives an installed project, which the dist check tests separately), plus
// the aliases file Composer loads eagerly. The extension is loaded by run-tests.sh (`-d extension=`).

if (!\extension_loaded('zavudev')) {
    \fwrite(\STDERR, "the zavudev extension is not loaded: run with php -d extension=target/debug/libzavudev.so\n");
    exit(2);
}

require __DIR__ . '/autoload.php';
