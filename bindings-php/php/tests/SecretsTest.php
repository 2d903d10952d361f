<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use Zavudev\AuthenticationError;
use Zavudev\Client;
use Zavudev\InvalidRequestError;
use Zavudev\Tests\Support\SandboxTestCase;

/** The API key and webhook secrets never appear in dumps, traces, errors or logs. */
final class SecretsTest extends SandboxTestCase
{
    public function testDumpsOfTheClientHoldNoKey(): void
    {
        $client = $this->client();
        $key = $this->sandbox()->apiKey();
        \ob_start();
        \var_dump($client);
        \print_r($client);
        \var_export($client);
        debug_zval_refcount_or_nothing($client);
        $dumped = (string) \ob_get_clean();
        self::assertStringContainsString($this->sandbox()->baseUrl, $dumped);
        self::assertStringNotContainsString($key, $dumped);
        self::assertStringNotContainsString($key, \json_encode((array) $client) ?: '');
        self::assertStringNotContainsString($key, serialize_or_empty($client));
    }

    public function testTracesOfTheConstructorHoldNoKey(): void
    {
        $previous = \ini_set('zend.exception_ignore_args', '0');
        try {
            new Client(apiKey: 'zk_secret_in_a_trace', baseUrl: $this->sandbox()->baseUrl, timeout: 'soon');
            self::fail('a bad timeout was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('timeout', $e->param);
            self::assertStringNotContainsString('zk_secret_in_a_trace', $e->getTraceAsString());
            self::assertStringNotContainsString('zk_secret_in_a_trace', \print_r($e->getTrace(), true));
            self::assertStringNotContainsString('zk_secret_in_a_trace', "{$e}");
        } finally {
            \ini_set('zend.exception_ignore_args', (string) $previous);
        }
    }

    public function testARefusedKeyIsNotInTheError(): void
    {
        $client = new Client(apiKey: 'zk_refused_secret_key', baseUrl: $this->sandbox()->baseUrl);
        try {
            $client->invitations->list();
            self::fail('a wrong key was accepted');
        } catch (AuthenticationError $e) {
            self::assertSame('unauthorized', $e->code);
            self::assertStringNotContainsString('zk_refused_secret_key', \print_r($e->toArray(), true) . "{$e}");
        }
    }

    public function testTheWebhookSecretIsRedactedInDumps(): void
    {
        $config = $this->client()->invitations->createWebhook(['url' => 'https://example.com/hook']);
        $secret = (string) $config->secret;
        self::assertStringStartsWith('whsec_', $secret);
        self::assertStringNotContainsString($secret, \print_r($config, true));
        \ob_start();
        \var_dump($config);
        self::assertStringNotContainsString($secret, (string) \ob_get_clean());
        self::assertStringContainsString('[redacted]', \print_r($config, true));
    }

    public function testTraceLoggingPrintsNoSecret(): void
    {
        $key = $this->sandbox()->apiKey();
        $script = <<<'PHP'
            $client = new Zavudev\Client(apiKey: getenv('ZAVUDEV_API_KEY'));
            $inv = $client->invitations->create(['clientName' => 'Logged']);
            $client->invitations->get($inv->id);
            $hook = $client->invitations->createWebhook(['url' => 'https://example.com/hook']);
            file_put_contents(getenv('SECRET_FILE'), $hook->secret);
            try { (new Zavudev\Client(apiKey: 'zk_wrong_logged_key'))->invitations->list(); } catch (Zavudev\Error $e) { echo $e->code, "\n"; }
            $client->webhooks->verify('{}', ['X-Zavu-Signature' => $client->webhooks->sign('{}', $hook->secret)], $hook->secret);
            echo "done\n";
            PHP;
        $secretFile = \tempnam(\sys_get_temp_dir(), 'zavu-secret-');
        $scriptFile = \tempnam(\sys_get_temp_dir(), 'zavu-script-');
        \file_put_contents($scriptFile, "<?php\n" . $script);
        [$status, $out, $err] = GuideTest::runProcess(
            [\PHP_BINARY, '-n', '-d', 'extension=' . GuideTest::extensionPath(), '-d', 'auto_prepend_file=' . __DIR__ . '/autoload.php', $scriptFile],
            ['ZAVUDEV_API_KEY' => $key, 'ZAVUDEV_BASE_URL' => $this->sandbox()->baseUrl, 'ZAVUDEV_LOG' => 'trace', 'SECRET_FILE' => $secretFile, 'PATH' => (string) \getenv('PATH')],
        );
        $secret = (string) \file_get_contents($secretFile);
        \unlink($secretFile);
        \unlink($scriptFile);
        self::assertSame(0, $status, $out . $err);
        self::assertSame("unauthorized\ndone\n", $out);
        // Logging is on: every call is logged.
        foreach (['invitations.create', 'invitations.get', 'invitations.webhook.create', 'invitations.list'] as $endpoint) {
            self::assertStringContainsString("endpoint=\"$endpoint\"", $err);
        }
        self::assertStringStartsWith('whsec_', $secret);
        foreach ([$key, 'zk_wrong_logged_key', $secret] as $hidden) {
            self::assertStringNotContainsString($hidden, $out . $err);
        }
    }
}

/** `debug_zval_refcount` does not exist; dumping through `debug_zval_dump` is what it stands for. */
function debug_zval_refcount_or_nothing(mixed $value): void
{
    \debug_zval_dump($value);
}

function serialize_or_empty(mixed $value): string
{
    try {
        return \serialize($value);
    } catch (\Throwable) {
        return '';
    }
}
