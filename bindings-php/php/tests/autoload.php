<?php

declare(strict_types=1);

// The package from its source folder, as Composer's autoload would load it: PSR-4 for
// `Zavudev\` (and the tests' `Zavudev\Tests\`), plus the aliases file Composer loads eagerly.

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
