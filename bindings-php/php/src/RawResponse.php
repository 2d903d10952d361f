<?php

declare(strict_types=1);

namespace Zavudev;

/**
 * What the API answered to one call, beside its value (the published SDKs' raw-response form):
 *
 * ```php
 * $response = $client->invitations->withRawResponse->create(['clientName' => 'Acme Corp']);
 * $response->statusCode;                  // 200
 * $response->requestId;                   // X-Request-Id
 * $response->rateLimit['remaining'];      // X-RateLimit-Remaining
 * $response->getHeader('x-ratelimit-reset');
 * $invitation = $response->parse();       // what the plain call returns
 * ```
 *
 * Header names are lower case; a header sent twice is joined with `, `. For a call that retried,
 * this is the final answer and `attempts` counts the tries.
 *
 * @template T
 */
final class RawResponse
{
    /** @var array<string,string> */
    public readonly array $headers;

    /**
     * @param T $value the parsed value, as the plain call returns it
     * @param int $statusCode the HTTP status
     * @param array<string,string> $headers
     * @param ?string $requestId `X-Request-Id`, when sent
     * @param array{limit: ?int, remaining: ?int, reset: int|float|null} $rateLimit the
     *     endpoint's window (`X-RateLimit-Limit`, `-Remaining`, `-Reset` in unix seconds)
     * @param int $attempts tries made (1 when the first one answered)
     */
    public function __construct(
        private readonly mixed $value,
        public readonly int $statusCode,
        array $headers = [],
        public readonly ?string $requestId = null,
        public readonly array $rateLimit = ['limit' => null, 'remaining' => null, 'reset' => null],
        public readonly int $attempts = 1,
    ) {
        $this->headers = $headers;
    }

    /**
     * @internal from the extension's record of the call (`Native\Client::lastResponse`)
     * @param mixed $value the parsed value
     * @param array<string,mixed> $meta
     */
    public static function fromMeta(mixed $value, array $meta): self
    {
        $headers = [];
        foreach ($meta['headers'] ?? [] as [$name, $header]) {
            $name = \strtolower((string) $name);
            $headers[$name] = isset($headers[$name]) ? $headers[$name] . ', ' . $header : (string) $header;
        }
        $limits = $meta['rateLimit'] ?? [];
        return new self(
            $value,
            (int) ($meta['status'] ?? 0),
            $headers,
            $meta['requestId'] ?? null,
            [
                'limit' => $limits['limit'] ?? null,
                'remaining' => $limits['remaining'] ?? null,
                'reset' => $limits['reset'] ?? null,
            ],
            (int) ($meta['attempts'] ?? 1),
        );
    }

    /** @return T the parsed value, as the plain call returns it */
    public function parse(): mixed
    {
        return $this->value;
    }

    /** The HTTP status (the published SDKs' getter). */
    public function getStatusCode(): int
    {
        return $this->statusCode;
    }

    /** @return array<string,string> every header, names in lower case */
    public function getHeaders(): array
    {
        return $this->headers;
    }

    /** One header's value (any case), or null. */
    public function getHeader(string $name): ?string
    {
        return $this->headers[\strtolower($name)] ?? null;
    }

    /** @return array{statusCode: int, requestId: ?string, attempts: int} */
    public function __debugInfo(): array
    {
        return ['statusCode' => $this->statusCode, 'requestId' => $this->requestId, 'attempts' => $this->attempts];
    }
}
