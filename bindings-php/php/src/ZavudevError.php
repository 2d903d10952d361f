<?php

declare(strict_types=1);

namespace Zavudev;

/**
 * Every error of the Zavu SDK: a stable string `code` (`not_found`, `invalid_request`, ...), a
 * human message, and what is known of the cause. Also named `Zavudev\Error` (the guide's name)
 * and `Zavudev\ZavuError`. Subclasses by kind: `NotFoundError`, `InvalidRequestError`, ...
 *
 * ```php
 * try {
 *     $client->invitations->get('inv_missing');
 * } catch (Zavudev\Error $e) {
 *     if ($e->code === 'not_found') { ... }
 * }
 * ```
 */
class ZavudevError extends \Exception
{
    /**
     * The stable code, for example `not_found` or `invalid_request` (a string, unlike
     * `\Exception`'s integer codes; `getCode()` returns it too).
     *
     * @var string
     */
    public $code = 'api_error';

    /** The HTTP status, when the error came from a response. */
    public ?int $status = null;

    /** The HTTP status under the published SDKs' other name. */
    public ?int $statusCode = null;

    /** The refused parameter, named as the guide writes it (`clientName`), for local validation errors. */
    public ?string $param = null;

    /** Seconds the server asked to wait before retrying (429, 503). */
    public ?float $retryAfter = null;

    /** The server's `X-Request-Id`, when it sent one. */
    public ?string $requestId = null;

    /** The raw response body, when there was one. */
    public ?string $body = null;

    /** The error's family as core names it (`not_found`, `rate_limit`, `timeout`, ...). */
    public string $kind = 'api';

    /**
     * @param string $message a human-readable message
     * @param string $code the stable error code
     */
    public function __construct(
        string $message = '',
        string $code = 'api_error',
        ?int $status = null,
        ?string $param = null,
        ?float $retryAfter = null,
        ?string $requestId = null,
        ?string $body = null,
        string $kind = 'api',
        ?\Throwable $previous = null,
    ) {
        parent::__construct($message !== '' ? $message : $code, 0, $previous);
        $this->code = $code;
        $this->status = $status;
        $this->statusCode = $status;
        $this->param = $param;
        $this->retryAfter = $retryAfter;
        $this->requestId = $requestId;
        $this->body = $body;
        $this->kind = $kind;
        $this->locateAtCaller();
    }

    /**
     * An error from the fields the native extension reports.
     *
     * @param array<string,mixed> $fields
     * @return static
     */
    public static function fromFields(array $fields): static
    {
        return new static(
            message: (string) ($fields['message'] ?? ''),
            code: (string) ($fields['code'] ?? 'api_error'),
            status: isset($fields['status']) ? (int) $fields['status'] : null,
            param: isset($fields['param']) ? (string) $fields['param'] : null,
            retryAfter: isset($fields['retryAfter']) ? (float) $fields['retryAfter'] : null,
            requestId: isset($fields['requestId']) ? (string) $fields['requestId'] : null,
            body: isset($fields['body']) ? (string) $fields['body'] : null,
            kind: (string) ($fields['kind'] ?? 'api'),
        );
    }

    /**
     * Every error code core knows (`zavu_core::KNOWN_CODES`, from the extension). Codes the
     * server invents later still arrive verbatim in `$code`.
     *
     * @return list<string>
     */
    public static function knownCodes(): array
    {
        return \zavudev_known_codes();
    }

    /**
     * Points `getFile()` and `getLine()` at the first frame outside this package: the line of
     * the application that made the call, not the SDK line that threw. The trace is kept whole.
     */
    private function locateAtCaller(): void
    {
        $package = __DIR__ . \DIRECTORY_SEPARATOR;
        if (!\str_starts_with($this->file, $package)) {
            return;
        }
        foreach ($this->getTrace() as $frame) {
            if (isset($frame['file'], $frame['line']) && !\str_starts_with($frame['file'], $package)) {
                $this->file = $frame['file'];
                $this->line = $frame['line'];
                return;
            }
        }
    }

    /**
     * The error's fields, as JSON-safe values (never a secret: core scrubs the key from
     * messages and bodies).
     *
     * @return array{class: string, code: string, message: string, status: ?int, param: ?string, retryAfter: ?float, requestId: ?string, kind: string, body: ?string}
     */
    public function toArray(): array
    {
        return [
            'class' => static::class,
            'code' => $this->code,
            'message' => $this->getMessage(),
            'status' => $this->status,
            'param' => $this->param,
            'retryAfter' => $this->retryAfter,
            'requestId' => $this->requestId,
            'kind' => $this->kind,
            'body' => $this->body,
        ];
    }
}
