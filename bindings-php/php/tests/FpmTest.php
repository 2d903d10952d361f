<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use PHPUnit\Framework\TestCase;
use Zavudev\Tests\Support\FastCgi;
use Zavudev\Tests\Support\Sandbox;

/**
 * Debian's php-fpm, started by the test with the extension, serving 1,000 requests that each
 * build a client and call the sandbox (two calls): no crash, no error, connections reused across
 * requests (the workers' shared pool keeps counting), and worker memory that stays flat.
 */
final class FpmTest extends TestCase
{
    private const REQUESTS = 1000;
    private const WORKERS = 2;

    private static function fpmBinary(): ?string
    {
        foreach ([\getenv('PHP_FPM') ?: '', '/usr/sbin/php-fpm' . \PHP_MAJOR_VERSION . '.' . \PHP_MINOR_VERSION, '/usr/sbin/php-fpm'] as $path) {
            if ($path !== '' && \is_executable($path)) {
                return $path;
            }
        }
        return null;
    }

    private static function freePort(): int
    {
        $server = \stream_socket_server('tcp://127.0.0.1:0');
        $name = (string) \stream_socket_get_name($server, false);
        \fclose($server);
        return (int) \substr($name, \strrpos($name, ':') + 1);
    }

    public function testAThousandRequestsThroughPhpFpm(): void
    {
        $fpm = self::fpmBinary();
        if ($fpm === null) {
            self::fail('php-fpm is not installed (bindings-php/setup.sh installs it)');
        }
        $sandbox = new Sandbox(['--no-rate-limits']);
        $dir = \sys_get_temp_dir() . '/zavu-fpm-' . \getmypid();
        @\mkdir($dir);
        $port = self::freePort();
        $user = \function_exists('posix_getpwuid') ? (\posix_getpwuid(\posix_geteuid())['name'] ?? 'root') : 'root';
        $config = <<<INI
            [global]
            pid = $dir/fpm.pid
            error_log = $dir/fpm.log
            daemonize = no
            log_level = notice

            [zavu]
            user = $user
            listen = 127.0.0.1:$port
            pm = static
            pm.max_children = {$this->workers()}
            catch_workers_output = yes
            clear_env = yes
            env[ZAVUDEV_API_KEY] = {$sandbox->apiKey()}
            env[ZAVUDEV_BASE_URL] = {$sandbox->baseUrl}
            php_admin_value[error_log] = $dir/php-errors.log
            php_admin_flag[log_errors] = on
            php_admin_flag[display_errors] = off
            INI;
        \file_put_contents("$dir/fpm.conf", $config);
        $command = [$fpm, '-n', '-d', 'extension=' . GuideTest::extensionPath(), '-y', "$dir/fpm.conf", '-F', '-R'];
        $process = \proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/stdout.log", 'w'], 2 => ['file', "$dir/stderr.log", 'w']], $pipes);
        try {
            $client = new FastCgi("127.0.0.1:$port");
            $deadline = \microtime(true) + 20;
            while (@\stream_socket_client("tcp://127.0.0.1:$port", $errno, $error, 1) === false) {
                if (\microtime(true) > $deadline || !\proc_get_status($process)['running']) {
                    self::fail('php-fpm did not start: ' . @\file_get_contents("$dir/stderr.log") . @\file_get_contents("$dir/fpm.log"));
                }
                \usleep(50_000);
            }
            $script = __DIR__ . '/fpm/request.php';
            $byWorker = [];
            for ($n = 1; $n <= self::REQUESTS; $n++) {
                $response = $client->get($script, ['n' => (string) $n]);
                $answer = \json_decode($response['body'], true);
                self::assertIsArray($answer, "request $n: {$response['headers']}\n{$response['body']}\n{$response['stderr']}");
                self::assertSame('', $response['stderr'], "request $n");
                self::assertSame('pending', $answer['status']);
                $byWorker[$answer['pid']][] = $answer;
            }
            self::assertLessThanOrEqual(self::WORKERS, \count($byWorker), 'a worker was replaced (crashed?)');
            self::assertGreaterThanOrEqual(self::REQUESTS / self::WORKERS, \max(\array_map('count', $byWorker)));
            foreach ($byWorker as $pid => $answers) {
                $count = \count($answers);
                if ($count < 100) {
                    // php-fpm hands a request to whichever worker accepts first; a worker that
                    // served few says too little about memory over time.
                    continue;
                }
                // Every request built a new Zavudev\Client, and the pool kept counting: the
                // requests of one worker share one native client and its open connections.
                self::assertSame(\range(2, 2 * $count, 2), \array_column($answers, 'requests'), "worker $pid");
                // Flat memory: after the first 10% (allocator and pool warm-up), resident memory
                // grows by less than 2 MiB over the rest, and the PHP heap by less than 1 KiB (the
                // request number in the client's name grows a digit).
                $warm = $answers[(int) ($count / 10)];
                $last = $answers[$count - 1];
                self::assertLessThan(2048, $last['rssKb'] - $warm['rssKb'], "worker $pid RSS {$warm['rssKb']} kB -> {$last['rssKb']} kB");
                self::assertLessThan(1024, $last['heap'] - $warm['heap'], "worker $pid PHP heap");
                \fwrite(\STDERR, \sprintf(
                    "\nphp-fpm worker %d: %d requests, RSS %d kB after %d, %d kB after %d; PHP heap %d -> %d bytes\n",
                    $pid, $count, $warm['rssKb'], (int) ($count / 10) + 1, $last['rssKb'], $count, $warm['heap'], $last['heap'],
                ));
            }
            // The sandbox holds every invitation the requests created.
            self::assertSame(self::REQUESTS, $sandbox->control('GET', '/sandbox/stats')['invitations']);
        } finally {
            \proc_terminate($process, 15);
            \proc_close($process);
            $sandbox->stop();
        }
        $log = (string) @\file_get_contents("$dir/fpm.log") . (string) @\file_get_contents("$dir/php-errors.log");
        self::assertDoesNotMatchRegularExpression('~exited on signal|SIGSEGV|core dumped|PHP (Fatal|Warning)|WARNING: \[pool~i', $log, $log);
        \array_map('unlink', \glob("$dir/*"));
        @\rmdir($dir);
    }

    private function workers(): int
    {
        return self::WORKERS;
    }
}
