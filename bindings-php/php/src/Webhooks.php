<?php

declare(strict_types=1);

namespace Zavudev;

use Zavudev\Internal\Native;

/**
 * `$client->webhooks` (or `new Zavudev\Webhooks()`, no API key needed): verify and parse Zavu's
 * signed deliveries. Give the raw body exactly as received (`file_get_contents('php://input')`,
 * or a PSR-7 request's body) and the request's headers in any form PHP holds them: `$_SERVER`,
 * `getallheaders()`, a PSR-7 request or its `getHeaders()`, a `[name => value]` map, or the
 * `X-Zavu-Signature` value alone.
 */
final class Webhooks
{
    /**
     * Verifies the delivery's signature (v2, else v1; 300 s window) and returns its event.
     * Throws a `WebhookVerificationError` (`invalid_signature`, `stale_signature`,
     * `invalid_payload`).
     *
     * @param string|\Stringable $body the raw request body
     * @param array<string,string|list<string>>|list<array{string,string}>|string|object $headers
     * @param string $secret the webhook secret (`whsec_...`)
     * @param int|null $now unix seconds to verify at (tests); now by default
     * @throws ZavudevError
     */
    public function unwrap(
        mixed $body,
        mixed $headers,
        #[\SensitiveParameter] mixed $secret,
        mixed $now = null,
    ): WebhookEvent {
        return WebhookEvent::fromArray(Native::value(
            \zavudev_webhooks_unwrap(self::body($body), self::headers($headers), $secret, $now),
        ));
    }

    /**
     * Verifies the delivery's signature; throws a `WebhookVerificationError` when it is not valid.
     *
     * @param string|\Stringable $body the raw request body
     * @param array<string,string|list<string>>|list<array{string,string}>|string|object $headers
     * @param string $secret the webhook secret (`whsec_...`)
     * @param int|null $now unix seconds to verify at (tests); now by default
     * @throws ZavudevError
     */
    public function verify(
        mixed $body,
        mixed $headers,
        #[\SensitiveParameter] mixed $secret,
        mixed $now = null,
    ): void {
        Native::value(\zavudev_webhooks_verify(self::body($body), self::headers($headers), $secret, $now));
    }

    /**
     * Signs a payload as Zavu does, for tests: the `X-Zavu-Signature` header value.
     *
     * @param string $payload the body to sign
     * @param string $secret the webhook secret
     * @param int|null $timestamp unix seconds; now by default
     * @param string|null $scheme `v1`, `v2` or `both` (the default)
     * @throws ZavudevError
     */
    public function sign(
        mixed $payload,
        #[\SensitiveParameter] mixed $secret,
        mixed $timestamp = null,
        mixed $scheme = null,
    ): string {
        return (string) Native::value(\zavudev_webhooks_sign($payload, $secret, $timestamp, $scheme));
    }

    /** A PSR-7 stream (or any string-like object) as the string it holds. */
    private static function body(mixed $body): mixed
    {
        if ($body instanceof \Stringable) {
            return (string) $body;
        }
        return $body;
    }

    /** A PSR-7 message as its header map; anything else as given (the extension reads it). */
    private static function headers(mixed $headers): mixed
    {
        if (\is_object($headers) && \method_exists($headers, 'getHeaders')) {
            return $headers->getHeaders();
        }
        return $headers;
    }
}
