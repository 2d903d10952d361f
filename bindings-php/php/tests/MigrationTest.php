<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use PHPUnit\Framework\TestCase;
use Zavudev\Tests\Support\Sandbox;

/**
 * The README's "Migrating from the published SDK" table, applied word for word to the published
 * PHP SDK's idioms (tests/published/published_example.php.txt, sources noted in it), runs against
 * the sandbox with this package.
 */
final class MigrationTest extends TestCase
{
    /** The README table's literal changes, in order. */
    private const MIGRATION = [
        'Zavudev\\Core\\Exceptions\\APIStatusException' => 'Zavudev\\APIStatusError',
        'Zavudev\\Core\\Exceptions\\NotFoundException' => 'Zavudev\\NotFoundError',
        'catch (APIStatusException ' => 'catch (APIStatusError ',
        'catch (NotFoundException ' => 'catch (NotFoundError ',
        'phoneNumberID:' => 'phoneNumberId:',
        '$found->items[0]' => '$found[0]',
        'count($requirements->items)' => 'count($requirements)',
    ];

    /** The one rule with a pattern: answers are unwrapped (`$res->invitation->url` is `$res->url`). */
    private const UNWRAPPED = '/(\$\w+|\))->(invitation|phoneNumber)->(?=\w)/';

    public static function migrate(string $text): string
    {
        $out = \strtr($text, self::MIGRATION);
        return (string) \preg_replace(self::UNWRAPPED, '$1->', $out);
    }

    public function testEveryRowIsInTheReadme(): void
    {
        $readme = (string) \file_get_contents(\dirname(__DIR__, 2) . '/README.md');
        foreach (self::MIGRATION as $from => $to) {
            self::assertStringContainsString('`' . \trim($from) . '`', $readme);
            self::assertStringContainsString('`' . \trim($to) . '`', $readme);
        }
        self::assertStringContainsString('`$res->invitation->url`', $readme);
    }

    public function testTheMigratedExampleRunsAgainstTheSandbox(): void
    {
        $published = (string) \file_get_contents(__DIR__ . '/published/published_example.php.txt');
        $migrated = self::migrate($published);
        self::assertStringNotContainsString('->invitation->', $migrated);
        self::assertStringNotContainsString('use Zavudev\\Core', $migrated);
        $script = \tempnam(\sys_get_temp_dir(), 'zavudev-migrated-') . '.php';
        \file_put_contents($script, $migrated);
        $sandbox = new Sandbox();
        try {
            $command = [\PHP_BINARY, '-n', '-d', 'extension=' . GuideTest::extensionPath(), '-d', 'auto_prepend_file=' . __DIR__ . '/autoload.php', $script];
            $env = ['ZAVUDEV_API_KEY' => $sandbox->apiKey(), 'ZAVUDEV_BASE_URL' => $sandbox->baseUrl, 'PATH' => (string) \getenv('PATH')];
            [$status, $out, $err] = GuideTest::runProcess($command, $env);
            self::assertSame(0, $status, $out . $err);
            self::assertSame('', $err);
            $base = \preg_quote($sandbox->baseUrl, '~');
            self::assertMatchesRegularExpression('~^Requirements: \d+$~m', $out);
            self::assertMatchesRegularExpression("~^Invitation URL: $base/invite/\\S+$~m", $out);
            foreach ([
                "Phone number: true\n", "Invitation for: Acme Corp\n", "Status: pending\n", "First: Acme Corp\n",
                "Listed: Acme Corp\n", "Raw status: 200\n", "Raw name: Acme Corp\n", "Cancelled: cancelled\n",
                "Owned: Support Line\n", "Not found: 404\n",
            ] as $want) {
                self::assertStringContainsString($want, $out);
            }
            // The published option names reached the wire.
            $logged = $sandbox->requests('/v1/invitations');
            self::assertStringContainsString('my_query_parameter=value', $logged[0]['query']);
            $invitation = (new \Zavudev\Client(apiKey: $sandbox->apiKey(), baseUrl: $sandbox->baseUrl))->invitations->list()->items[0];
            self::assertNotNull($invitation->phoneNumberId);
        } finally {
            $sandbox->stop();
            @\unlink($script);
        }
    }
}
