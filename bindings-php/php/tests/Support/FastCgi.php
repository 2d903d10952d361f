<?php

declare(strict_types=1);

namespace Zavudev\Tests\Support;

/**
 * A minimal FastCGI client (one request per connection), enough to drive php-fpm the way a web
 * server does, without one installed.
 */
final class FastCgi
{
    private const BEGIN_REQUEST = 1;
    private const END_REQUEST = 3;
    private const PARAMS = 4;
    private const STDIN = 5;
    private const STDOUT = 6;
    private const STDERR = 7;

    public function __construct(private readonly string $address)
    {
    }

    /**
     * Runs `$script` as a GET request; returns the response headers, body and stderr.
     *
     * @param array<string,string> $query
     * @return array{headers: string, body: string, stderr: string}
     */
    public function get(string $script, array $query = []): array
    {
        $socket = \stream_socket_client("tcp://{$this->address}", $errno, $error, 10);
        if ($socket === false) {
            throw new \RuntimeException("cannot connect to php-fpm at {$this->address}: $error");
        }
        \stream_set_timeout($socket, 60);
        $params = [
            'GATEWAY_INTERFACE' => 'FastCGI/1.0',
            'REQUEST_METHOD' => 'GET',
            'SCRIPT_FILENAME' => $script,
            'SCRIPT_NAME' => '/' . \basename($script),
            'REQUEST_URI' => '/' . \basename($script),
            'QUERY_STRING' => \http_build_query($query),
            'SERVER_PROTOCOL' => 'HTTP/1.1',
            'SERVER_SOFTWARE' => 'zavu-php-tests',
            'REMOTE_ADDR' => '127.0.0.1',
            'SERVER_NAME' => 'localhost',
            'SERVER_PORT' => '80',
            'CONTENT_LENGTH' => '0',
        ];
        $encoded = '';
        foreach ($params as $name => $value) {
            $encoded .= self::length(\strlen($name)) . self::length(\strlen($value)) . $name . $value;
        }
        $out = self::record(self::BEGIN_REQUEST, \pack('nCx5', 1, 0))
            . self::record(self::PARAMS, $encoded)
            . self::record(self::PARAMS, '')
            . self::record(self::STDIN, '');
        \fwrite($socket, $out);
        $stdout = '';
        $stderr = '';
        while (true) {
            $header = self::read($socket, 8);
            $h = \unpack('Cversion/Ctype/nid/nlength/Cpadding/Creserved', $header);
            $content = self::read($socket, $h['length']);
            self::read($socket, $h['padding']);
            if ($h['type'] === self::STDOUT) {
                $stdout .= $content;
            } elseif ($h['type'] === self::STDERR) {
                $stderr .= $content;
            } elseif ($h['type'] === self::END_REQUEST) {
                break;
            }
        }
        \fclose($socket);
        [$headers, $body] = \array_pad(\explode("\r\n\r\n", $stdout, 2), 2, '');
        return ['headers' => $headers, 'body' => $body, 'stderr' => $stderr];
    }

    private static function record(int $type, string $content): string
    {
        return \pack('CCnnCx', 1, $type, 1, \strlen($content), 0) . $content;
    }

    private static function length(int $n): string
    {
        return $n < 128 ? \chr($n) : \pack('N', $n | 0x80000000);
    }

    /** @param resource $socket */
    private static function read($socket, int $n): string
    {
        $data = '';
        while (\strlen($data) < $n) {
            $chunk = \fread($socket, $n - \strlen($data));
            if ($chunk === false || $chunk === '') {
                throw new \RuntimeException('php-fpm closed the connection mid-response');
            }
            $data .= $chunk;
        }
        return $data;
    }
}
