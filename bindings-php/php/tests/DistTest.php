<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use PHPUnit\Framework\TestCase;
use Zavudev\Tests\Support\Sandbox;

/**
 * What users install, as installed: a PHP project outside the repository requires the packed
 * Composer package through a `path` repository (offline, packagist disabled), loads the packed
 * extension with `-d extension=`, and runs the guide's PHP with no Rust toolchain on the PATH.
 * run-tests.sh packs the dist (dist.sh) and points ZAVUDEV_PHP_DIST at it.
 *
 * @group dist
 */
final class DistTest extends TestCase
{
    public function testAnOutsideProjectInstallsThePackageAndRunsTheGuide(): void
    {
        $dist = (string) \getenv('ZAVUDEV_PHP_DIST');
        self::assertNotSame('', $dist, 'set ZAVUDEV_PHP_DIST to a dist.sh output folder (run-tests.sh does)');
        $extension = "$dist/zavudev.so";
        self::assertFileExists($extension);
        $project = \sys_get_temp_dir() . '/zavu-outside-' . \getmypid();
        \exec('rm -rf ' . \escapeshellarg($project));
        \mkdir("$project/home", 0777, true);
        \file_put_contents("$project/composer.json", \json_encode([
            'name' => 'acme/onboarding',
            'require' => ['zavudev/sdk' => '*'],
            'repositories' => [
                ['type' => 'path', 'url' => "$dist/zavudev-sdk", 'options' => ['symlink' => false]],
                ['packagist.org' => false],
            ],
            'minimum-stability' => 'stable',
        ], \JSON_PRETTY_PRINT | \JSON_UNESCAPED_SLASHES));
        $guide = (string) \file_get_contents(GuideTest::script());
        \file_put_contents("$project/onboard.php", "<?php\n\nrequire __DIR__ . '/vendor/autoload.php';\n" . \substr($guide, \strlen("<?php\n")));

        // No Rust toolchain: only the system's directories on the PATH.
        $path = '/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin';
        foreach (\explode(':', $path) as $dir) {
            self::assertFileDoesNotExist("$dir/cargo", 'cargo is on the system PATH');
        }
        $env = ['PATH' => $path, 'HOME' => "$project/home", 'COMPOSER_HOME' => "$project/home/composer", 'COMPOSER_DISABLE_NETWORK' => '1'];
        // Composer checks `ext-zavudev` against the PHP that runs it: run it with the extension.
        [$status, $out, $err] = GuideTest::runProcess(
            [\PHP_BINARY, '-d', "extension=$extension", '/usr/bin/composer', 'install', '--no-interaction', '--no-progress', '--working-dir', $project],
            $env,
        );
        self::assertSame(0, $status, $out . $err);
        self::assertFileExists("$project/vendor/zavudev/sdk/php/src/Client.php");
        self::assertFalse(\is_link("$project/vendor/zavudev/sdk"), 'the package is copied, not linked to the repository');

        $sandbox = new Sandbox();
        try {
            GuideTest::prepare($sandbox);
            [$status, $out, $err] = GuideTest::runProcess(
                [\PHP_BINARY, '-d', "extension=$extension", "$project/onboard.php"],
                $env + ['ZAVUDEV_API_KEY' => $sandbox->apiKey(), 'ZAVUDEV_BASE_URL' => $sandbox->baseUrl],
            );
            self::assertSame(0, $status, $out . $err);
            self::assertSame('', $err);
            GuideTest::assertGuideOutput($this, $sandbox, $out);
            // Built without the test-panic feature: the magic id is an ordinary (missing) one.
            $check = "<?php require __DIR__ . '/vendor/autoload.php';\n"
                . "try { (new Zavudev\\Client())->invitations->get('__zavu_test_panic__'); } catch (Zavudev\\Error \$e) { echo \\get_class(\$e); }\n";
            \file_put_contents("$project/panic.php", $check);
            [, $out] = GuideTest::runProcess(
                [\PHP_BINARY, '-d', "extension=$extension", "$project/panic.php"],
                $env + ['ZAVUDEV_API_KEY' => $sandbox->apiKey(), 'ZAVUDEV_BASE_URL' => $sandbox->baseUrl],
            );
            self::assertSame('Zavudev\\NotFoundError', $out, 'the packed extension was built with the test-panic feature');
        } finally {
            $sandbox->stop();
            \exec('rm -rf ' . \escapeshellarg($project));
        }
    }
}
