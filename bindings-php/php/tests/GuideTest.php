<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use PHPUnit\Framework\TestCase;
use Zavudev\Tests\Support\Sandbox;

/**
 * The PHP examples of the product guide (onboarding-clients-via-api.md), copied verbatim into
 * examples/guide.php, run as a script against the sandbox with ZAVUDEV_API_KEY and
 * ZAVUDEV_BASE_URL pointing at it. The guide's get and cancel examples use its literal id
 * `jh7am5bng9p3v2x1k4r8`, which no sandbox invitation has: the sandbox is told (fault
 * injection) to answer those two requests with the guide's own sample invitation, so the
 * snippets still run unchanged over real HTTP.
 */
final class GuideTest extends TestCase
{
    public const GUIDE_ID = 'jh7am5bng9p3v2x1k4r8';

    public static function script(): string
    {
        return \dirname(__DIR__) . '/examples/guide.php';
    }

    /** @return list<string> the guide's PHP blocks (docs/onboarding-clients-via-api.md, the product guide) */
    public static function guideBlocks(): array
    {
        $guide = (string) \file_get_contents(Sandbox::root() . '/docs/onboarding-clients-via-api.md');
        \preg_match_all('~```php PHP theme=\{null\}\n(.*?)```~s', $guide, $m);
        return \array_map(static fn ($b) => (string) \preg_replace('~^  ~m', '', $b), $m[1]);
    }

    public function testTheScriptIsTheGuidesPhpVerbatim(): void
    {
        $blocks = self::guideBlocks();
        self::assertCount(6, $blocks, 'the guide has six PHP examples');
        self::assertSame("<?php\n\n" . \implode("\n", $blocks), \file_get_contents(self::script()));
    }

    /** @return array<string,mixed> the guide's sample response body */
    public static function guideInvitation(string $status): array
    {
        return ['invitation' => [
            'id' => self::GUIDE_ID,
            'url' => 'https://dashboard.zavu.dev/invite/abc123xyz',
            'token' => 'abc123xyz',
            'clientName' => 'Acme Corp',
            'clientEmail' => 'contact@acme.com',
            'phoneNumberId' => null,
            'status' => $status,
            'senderId' => null,
            'expiresAt' => '2025-01-22T00:00:00.000Z',
            'createdAt' => '2025-01-15T12:00:00.000Z',
        ]];
    }

    /** Makes the sandbox answer the guide's get and cancel of its sample id. */
    public static function prepare(Sandbox $sandbox): void
    {
        $sandbox->fault('/v1/invitations/' . self::GUIDE_ID, ['kind' => 'status', 'status' => 200, 'body' => self::guideInvitation('pending')], 'GET');
        $sandbox->fault('/v1/invitations/' . self::GUIDE_ID . '/cancel', ['kind' => 'status', 'status' => 200, 'body' => self::guideInvitation('cancelled')], 'POST');
    }

    /** Checks what the guide's script printed: what the guide says each example prints. */
    public static function assertGuideOutput(TestCase $test, Sandbox $sandbox, string $output): void
    {
        $base = \preg_quote($sandbox->baseUrl, '~');
        $lines = \explode("\n", \rtrim($output, "\n"));
        $test::assertCount(9, $lines, $output);
        $test::assertMatchesRegularExpression("~^Invitation URL: $base/invite/\\S+$~", $lines[0]);
        $test::assertMatchesRegularExpression('~^Token: \S+$~', $lines[1]);
        $test::assertMatchesRegularExpression('~^Expires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$~', $lines[2]);
        $test::assertMatchesRegularExpression("~^Invitation URL: $base/invite/\\S+$~", $lines[3]);
        // Listing: the two pending invitations, newest first.
        $test::assertSame('Acme Corp pending ' . \substr($lines[3], \strlen('Invitation URL: ')), $lines[4]);
        $test::assertSame('Acme Corp pending ' . \substr($lines[0], \strlen('Invitation URL: ')), $lines[5]);
        $test::assertSame(['Status: pending', 'Client: Acme Corp', 'Phone number not found'], \array_slice($lines, 6));
    }

    public function testTheGuidesExamplesRun(): void
    {
        $sandbox = new Sandbox();
        try {
            self::prepare($sandbox);
            $command = [\PHP_BINARY, '-n', '-d', 'extension=' . self::extensionPath(), '-d', 'auto_prepend_file=' . __DIR__ . '/autoload.php', self::script()];
            $env = ['ZAVUDEV_API_KEY' => $sandbox->apiKey(), 'ZAVUDEV_BASE_URL' => $sandbox->baseUrl, 'PATH' => (string) \getenv('PATH')];
            [$status, $out, $err] = self::runProcess($command, $env);
            self::assertSame(0, $status, $err);
            self::assertSame('', $err);
            self::assertGuideOutput($this, $sandbox, $out);
            // The pre-assigned flow: the newest invitation carries the purchased number.
            $client = new \Zavudev\Client(apiKey: $sandbox->apiKey(), baseUrl: $sandbox->baseUrl);
            $items = $client->invitations->list()->items;
            self::assertCount(2, $items);
            self::assertNotNull($items[0]->phoneNumberId);
            self::assertNull($items[1]->phoneNumberId);
        } finally {
            $sandbox->stop();
        }
    }

    public function testTheReadmeShowsTheGuidesExamples(): void
    {
        $readme = (string) \file_get_contents(\dirname(__DIR__, 2) . '/README.md');
        $blocks = self::guideBlocks();
        self::assertCount(6, $blocks, 'the guide has six PHP examples');
        foreach ($blocks as $block) {
            self::assertStringContainsString("```php\n$block```", $readme);
        }
    }

    /** The extension this PHP loaded (run-tests.sh passes it with `-d extension=`). */
    public static function extensionPath(): string
    {
        $path = (string) (\getenv('ZAVUDEV_PHP_EXTENSION') ?: \ini_get('extension'));
        if ($path === '' || !\is_file($path)) {
            $path = Sandbox::root() . '/target/debug/libzavudev.so';
        }
        return $path;
    }

    /**
     * @param list<string> $command
     * @param array<string,string> $env
     * @return array{0: int, 1: string, 2: string}
     */
    public static function runProcess(array $command, array $env): array
    {
        $process = \proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        $out = (string) \stream_get_contents($pipes[1]);
        $err = (string) \stream_get_contents($pipes[2]);
        \fclose($pipes[1]);
        \fclose($pipes[2]);
        return [\proc_close($process), $out, $err];
    }
}
