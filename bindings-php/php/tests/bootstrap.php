<?php

declare(strict_types=1);

// The suites run the package from its source folder: a PSR-4 autoloader for `Zavudev\` (what
// Composer's autoload gives an installed project, which the dist check tests separately), plus
// the aliases file Composer loads eagerly. The extension is loaded by run-tests.sh (`-d extension=`).

if (!\extension_loaded('zavudev')) {
    \fwrite(\STDERR, "the zavudev extension is not loaded: run with php -d extension=target/debug/libzavudev.so\n");
    exit(2);
}

\spl_autoload_register(static function (string $class): void {
    foreach (['Zavudev\\Tests\\' => __DIR__ . '/', 'Zavudev\\' => __DIR__ . '/../src/'] as $prefix => $dir) {
        if (\str_starts_with($class, $prefix)) {
            $file = $dir . \str_replace('\\', '/', \substr($class, \strlen($prefix))) . '.php';
            if (\is_file($file)) {
                require $file;
            }
            return;
        }
    }
});
require __DIR__ . '/../src/aliases.php';
