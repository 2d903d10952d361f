<?php

declare(strict_types=1);

namespace Zavudev;

use Zavudev\Internal\Native;

/**
 * The Zavu client.
 *
 * ```php
 * $client = new Zavudev\Client(apiKey: getenv('ZAVUDEV_API_KEY'));
 * $invitation = $client->invitations->create(['clientName' => 'Acme Corp', 'expiresInDays' => 7]);
 * ```
 *
 * Unset options come from `ZAVUDEV_API_KEY`, `ZAVUDEV_BASE_URL` and `ZAVUDEV_CUSTOM_HEADERS`, then
 * the defaults (60 s per attempt, 2 retries). Durations are seconds. The API key stays inside the
 * native extension: it is not a property of this object and never appears in `var_dump`,
 * `print_r`, traces or errors.
 *
 * In a php-fpm (or any long-lived) worker, clients built with the same options share one native
 * client for the life of the worker, so a client built in every request reuses the worker's open
 * connections. `shareConnections: false` gives this client a pool of its own.
 */
final class Client
{
    /** Partner invitations (and the project webhook for their events). */
    public readonly Invitations $invitations;

    /** Phone numbers. */
    public readonly PhoneNumbers $phoneNumbers;

    /** Senders. */
    public readonly Senders $senders;

    /** Webhook verification. */
    public readonly Webhooks $webhooks;

    private readonly \Zavudev\Native\Client $native;

    /**
     * @param string|false|null $apiKey the API key; `false` (what `getenv` gives for an unset
     *     variable) or null means `ZAVUDEV_API_KEY`
     * @param string|false|null $baseUrl the API's base URL; `ZAVUDEV_BASE_URL`, then
     *     `https://api.zavu.dev`. Plain `http://` is refused except to loopback, unless
     *     `allowInsecureHttp` is set (a Docker-compose sandbox)
     * @param int|float|null $timeout seconds per attempt (default 60)
     * @param int|null $maxRetries retries after a first attempt (default 2)
     * @param array<string,string>|null $defaultHeaders headers sent with every request
     * @param int|float|null $connectTimeout seconds to open a connection (default 5)
     * @param int|null $maxResponseBytes the largest response body accepted (default 8 MiB)
     * @param bool|null $allowInsecureHttp allow `http://` to hosts other than loopback
     * @param bool|null $disableRateLimitWait do not wait out an exhausted rate-limit window
     * @param bool $shareConnections share one connection pool with same-option clients of
     *     this process (default true)
     * @throws ZavudevError `AuthenticationError` (`missing_api_key`) without a key;
     *     `InvalidRequestError` for a bad option
     */
    public function __construct(
        #[\SensitiveParameter] mixed $apiKey = null,
        mixed $baseUrl = null,
        mixed $timeout = null,
        mixed $maxRetries = null,
        mixed $defaultHeaders = null,
        mixed $connectTimeout = null,
        mixed $maxResponseBytes = null,
        mixed $allowInsecureHttp = null,
        mixed $disableRateLimitWait = null,
        bool $shareConnections = true,
    ) {
        $opened = \zavudev_open([
            'apiKey' => $apiKey === false ? null : $apiKey,
            'baseUrl' => $baseUrl === false ? null : $baseUrl,
            'timeout' => $timeout,
            'maxRetries' => $maxRetries,
            'defaultHeaders' => $defaultHeaders,
            'connectTimeout' => $connectTimeout,
            'maxResponseBytes' => $maxResponseBytes,
            'allowInsecureHttp' => $allowInsecureHttp,
            'disableRateLimitWait' => $disableRateLimitWait,
            'binding' => 'php/' . \PHP_VERSION,
        ], $shareConnections);
        if (\is_array($opened)) {
            throw Native::error($opened);
        }
        $this->adopt($opened);
    }

    private function adopt(\Zavudev\Native\Client $native): void
    {
        $this->native = $native;
        $this->invitations = new Invitations($native);
        $this->phoneNumbers = new PhoneNumbers($native);
        $this->senders = new Senders($native);
        $this->webhooks = new Webhooks();
    }

    /**
     * A new client with other options on top of this one's, sharing its connection pool (but
     * not its closed state); this client is unchanged. The published SDKs' `withOptions` /
     * `copy`:
     *
     * ```php
     * $patient = $client->withOptions(timeout: 120, maxRetries: 5);
     * $otherTeam = $client->copy(apiKey: $otherKey);
     * ```
     *
     * @param string|null $apiKey another API key
     * @param string|null $baseUrl another base URL
     * @param int|float|null $timeout seconds per attempt
     * @param int|null $maxRetries retries after a first attempt
     * @param array<string,string>|null $defaultHeaders headers replacing this client's defaults
     * @throws ZavudevError `InvalidRequestError` naming a bad option
     */
    public function withOptions(
        #[\SensitiveParameter] mixed $apiKey = null,
        mixed $baseUrl = null,
        mixed $timeout = null,
        mixed $maxRetries = null,
        mixed $defaultHeaders = null,
    ): self {
        $derived = $this->native->withClientOptions([
            'apiKey' => $apiKey,
            'baseUrl' => $baseUrl,
            'timeout' => $timeout,
            'maxRetries' => $maxRetries,
            'defaultHeaders' => $defaultHeaders,
        ]);
        if (\is_array($derived)) {
            throw Native::error($derived);
        }
        $client = (new \ReflectionClass(self::class))->newInstanceWithoutConstructor();
        $client->adopt($derived);
        return $client;
    }

    /**
     * The same as {@see withOptions} (the published SDKs' other name for it).
     *
     * @param string|null $apiKey another API key
     * @param string|null $baseUrl another base URL
     * @param int|float|null $timeout seconds per attempt
     * @param int|null $maxRetries retries after a first attempt
     * @param array<string,string>|null $defaultHeaders headers replacing this client's defaults
     * @throws ZavudevError `InvalidRequestError` naming a bad option
     */
    public function copy(
        #[\SensitiveParameter] mixed $apiKey = null,
        mixed $baseUrl = null,
        mixed $timeout = null,
        mixed $maxRetries = null,
        mixed $defaultHeaders = null,
    ): self {
        return $this->withOptions($apiKey, $baseUrl, $timeout, $maxRetries, $defaultHeaders);
    }

    /** The base URL calls go to. */
    public function baseUrl(): string
    {
        return $this->native->baseUrl();
    }

    /** Seconds per attempt. */
    public function timeout(): float
    {
        return $this->native->timeout();
    }

    /** Retries after a first attempt. */
    public function maxRetries(): int
    {
        return $this->native->maxRetries();
    }

    /**
     * What this client's connection pool has sent (shared with same-option clients):
     * `['requests' => n, 'retries' => n]`.
     *
     * @return array{requests: int, retries: int}
     */
    public function stats(): array
    {
        [$requests, $retries] = $this->native->stats();
        return ['requests' => $requests, 'retries' => $retries];
    }

    /**
     * Closes the connection pool: later calls (of every client sharing it) fail with a
     * `ClientClosedError`; clients built afterwards get a new pool.
     */
    public function close(): void
    {
        $this->native->close();
    }

    /** Whether the pool was closed. */
    public function isClosed(): bool
    {
        return $this->native->isClosed();
    }

    /** The SDK's version (the same for every package). */
    public static function version(): string
    {
        return \zavudev_version();
    }

    /** @return array{baseUrl: string, timeout: float, maxRetries: int} */
    public function __debugInfo(): array
    {
        return ['baseUrl' => $this->baseUrl(), 'timeout' => $this->timeout(), 'maxRetries' => $this->maxRetries()];
    }
}
