<?php

declare(strict_types=1);

namespace Zavudev\Tests\Support;

/**
 * A running `zavu-sandbox` (target/debug/zavu-sandbox, or ZAVU_SANDBOX_BIN) on a free port, and
 * helpers for its control API. Its output goes to a file, so it never blocks on a full pipe.
 */
final class Sandbox
{
    public readonly string $baseUrl;
    /** @var list<string> */
    public readonly array $keys;
    /** @var resource */
    private $process;
    private string $log;

    public static function root(): string
    {
        return \dirname(__DIR__, 4);
    }

    public static function binary(): string
    {
        $path = \getenv('ZAVU_SANDBOX_BIN') ?: self::root() . '/target/debug/zavu-sandbox';
        if (!\is_file($path)) {
            throw new \RuntimeException("sandbox binary not found at $path: run cargo build -p zavu-sandbox");
        }
        return $path;
    }

    /** @param list<string> $args */
    public function __construct(array $args = [])
    {
        $this->log = \tempnam(\sys_get_temp_dir(), 'zavu-sandbox-');
        $command = \array_merge([self::binary(), '--port', '0'], $args);
        $process = \proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $this->log, 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        if (!\is_resource($process)) {
            throw new \RuntimeException('could not start the sandbox');
        }
        $this->process = $process;
        $deadline = \microtime(true) + 20;
        while (true) {
            $text = (string) \file_get_contents($this->log);
            if (\preg_match('~listening on (http://\S+)~', $text, $url) && \preg_match_all('~api key: (\S+)~', $text, $keys) >= 2) {
                $this->baseUrl = \rtrim($url[1], '/');
                $this->keys = $keys[1];
                return;
            }
            if (\microtime(true) > $deadline || !\proc_get_status($this->process)['running']) {
                $this->stop();
                throw new \RuntimeException("the sandbox did not start: $text");
            }
            \usleep(10_000);
        }
    }

    public function apiKey(): string
    {
        return $this->keys[0];
    }

    public function otherKey(): string
    {
        return $this->keys[1];
    }

    /**
     * Calls the sandbox (control endpoints need no key).
     *
     * @return array{0: int, 1: mixed} the status and the decoded JSON body (objects as arrays)
     */
    public function request(string $method, string $path, mixed $body = null, bool $assoc = true): array
    {
        $context = \stream_context_create(['http' => [
            'method' => $method,
            'header' => "content-type: application/json\r\n",
            'content' => $body === null ? '' : \json_encode($body, \JSON_UNESCAPED_SLASHES),
            'ignore_errors' => true,
            'timeout' => 30,
        ]]);
        $text = \file_get_contents($this->baseUrl . $path, false, $context);
        $status = 0;
        foreach ($http_response_header ?? [] as $line) {
            if (\preg_match('~^HTTP/\S+ (\d{3})~', $line, $m)) {
                $status = (int) $m[1];
            }
        }
        $decoded = $text === '' || $text === false ? null : \json_decode($text, $assoc);
        return [$status, $decoded ?? $text];
    }

    public function control(string $method, string $path, mixed $body = null): mixed
    {
        [$status, $answer] = $this->request($method, $path, $body);
        if ($status < 200 || $status >= 300) {
            throw new \RuntimeException("$method $path -> $status: " . \json_encode($answer));
        }
        return $answer;
    }

    public function reset(): void
    {
        $this->control('POST', '/sandbox/reset');
    }

    /** @param array<string,mixed> $fault */
    public function fault(string $path, array $fault, ?string $method = null, int $count = 1): void
    {
        $rule = ['path' => $path, 'count' => $count, 'fault' => $fault];
        if ($method !== null) {
            $rule['method'] = $method;
        }
        $this->control('POST', '/sandbox/faults', $rule);
    }

    /** @return list<array<string,mixed>> the requests the API part of the sandbox received */
    public function requests(string $path = ''): array
    {
        return $this->control('GET', '/sandbox/requests?path=' . \rawurlencode($path))['items'];
    }

    public function stop(): void
    {
        if (\is_resource($this->process)) {
            \proc_terminate($this->process, 9);
            \proc_close($this->process);
        }
        @\unlink($this->log);
    }

    public function __destruct()
    {
        $this->stop();
    }
}
