<?php

declare(strict_types=1);

namespace Zavudev;

use Zavudev\Internal\Native;

/**
 * `$client->invitations`: partner invitations and the project webhook that reports on them.
 *
 * Parameter arrays use the guide's camelCase keys; a key of the wrong type, an unknown key or a
 * missing required one is refused before anything is sent, as an `InvalidRequestError` whose
 * `param` names it. Per-call options (`requestOptions`): `timeout` (seconds), `maxRetries`,
 * `idempotencyKey`, `headers`.
 *
 * @phpstan-type RequestOptions array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}
 */
final class Invitations
{
    use HasRawResponse;

    /** @internal */
    public function __construct(private readonly \Zavudev\Native\Client $native)
    {
    }

    /**
     * Creates an invitation. A retried create never makes two invitations (one
     * `Idempotency-Key` per call, reused across its retries).
     *
     * @param array{clientName?: string, clientEmail?: string, clientPhone?: string, phoneNumberId?: string, expiresInDays?: int, connectionType?: string, allowedPhoneCountries?: list<string>} $params
     * @param RequestOptions|null $requestOptions
     * @param mixed ...$fields the parameters as named arguments (`(clientName: 'Acme Corp')`, the
     *     published SDK's form), merged over `$params`
     * @throws ZavudevError
     */
    public function create(mixed $params = [], mixed $requestOptions = null, mixed ...$fields): Invitation
    {
        $params = Native::params($params, $fields);
        return Invitation::fromArray(Native::value($this->native->createInvitation($params, $requestOptions)));
    }

    /**
     * One page of invitations, newest first. `->items` is this page; `foreach` over the page
     * walks every invitation of every page.
     *
     * @param array{status?: string, limit?: int, cursor?: string} $params
     * @param RequestOptions|null $requestOptions
     * @param mixed ...$fields the parameters as named arguments (`(clientName: 'Acme Corp')`, the
     *     published SDK's form), merged over `$params`
     * @return Page<Invitation>
     * @throws ZavudevError
     */
    public function list(mixed $params = [], mixed $requestOptions = null, mixed ...$fields): Page
    {
        $params = Native::params($params, $fields);
        $data = Native::value($this->native->listInvitations($params, $requestOptions));
        $params = \is_array($params) ? $params : [];
        return new Page(
            \array_map(static fn (array $item) => Invitation::fromArray($item), $data['items']),
            $data['nextCursor'] ?? null,
            fn (string $cursor) => $this->list(['cursor' => $cursor] + $params, $requestOptions),
            fn (string $cursor) => $this->native->invitationPager(['cursor' => $cursor] + $params, $requestOptions),
            Invitation::class,
        );
    }

    /**
     * Every invitation matching `$params`, across pages, fetched a page at a time as the loop
     * goes (the parameters are checked at once, nothing is fetched before the first item).
     *
     * @param array{status?: string, limit?: int, cursor?: string} $params
     * @param RequestOptions|null $requestOptions
     * @param mixed ...$fields the parameters as named arguments (`(clientName: 'Acme Corp')`, the
     *     published SDK's form), merged over `$params`
     * @return ItemIterator<Invitation>
     * @throws ZavudevError
     */
    public function listAll(mixed $params = [], mixed $requestOptions = null, mixed ...$fields): ItemIterator
    {
        $params = Native::params($params, $fields);
        $pager = $this->native->invitationPager($params, $requestOptions);
        if (\is_array($pager)) {
            throw Native::error($pager);
        }
        return new ItemIterator(static fn () => $pager, Invitation::class);
    }

    /**
     * One invitation: `get('inv_...')` (or `get(['invitationId' => 'inv_...'])`).
     *
     * @param string|array{invitationId: string} $invitationId
     * @param RequestOptions|null $requestOptions
     * @throws ZavudevError
     */
    public function get(mixed $invitationId, mixed $requestOptions = null): Invitation
    {
        return Invitation::fromArray(Native::value($this->native->getInvitation($invitationId, $requestOptions)));
    }

    /**
     * One invitation (the published SDK's name for `get`).
     *
     * @param string|array{invitationId: string} $invitationId
     * @param RequestOptions|null $requestOptions
     * @throws ZavudevError
     */
    public function retrieve(mixed $invitationId, mixed $requestOptions = null): Invitation
    {
        return $this->get($invitationId, $requestOptions);
    }

    /**
     * Cancels a pending or in-progress invitation and returns it. A completed one is refused
     * with code `already_completed` (a `ConflictError`).
     *
     * @param string|array{invitationId: string} $invitationId
     * @param RequestOptions|null $requestOptions
     * @throws ZavudevError
     */
    public function cancel(mixed $invitationId, mixed $requestOptions = null): Invitation
    {
        return Invitation::fromArray(Native::value($this->native->cancelInvitation($invitationId, $requestOptions)));
    }

    /**
     * Polls until the invitation is final (`completed`, `expired`, `cancelled`) and returns it.
     * `timeout` (seconds, default 600) bounds the whole wait, then a `WaitTimeoutError` (code
     * `wait_timeout`); `pollInterval` (seconds, default 2) is the first pause, growing after.
     *
     * @param string|array{invitationId: string} $invitationId
     * @param int|float|null $timeout
     * @param int|float|null $pollInterval
     * @param RequestOptions|null $requestOptions
     * @throws ZavudevError
     */
    public function waitForCompletion(
        mixed $invitationId,
        mixed $timeout = null,
        mixed $pollInterval = null,
        mixed $requestOptions = null,
    ): Invitation {
        return Invitation::fromArray(Native::value(
            $this->native->waitForCompletion($invitationId, $timeout, $pollInterval, $requestOptions),
        ));
    }

    /**
     * Sets the project webhook for invitation events; the answer carries the signing `secret`.
     *
     * @param array{url: string, events?: list<string>} $params
     * @param RequestOptions|null $requestOptions
     * @throws ZavudevError
     */
    public function createWebhook(mixed $params, mixed $requestOptions = null): WebhookConfig
    {
        return WebhookConfig::fromArray(Native::value($this->native->createWebhook($params, $requestOptions)));
    }

    /**
     * The project webhook (without its secret).
     *
     * @param RequestOptions|null $requestOptions
     * @throws ZavudevError
     */
    public function getWebhook(mixed $requestOptions = null): WebhookConfig
    {
        return WebhookConfig::fromArray(Native::value($this->native->getWebhook($requestOptions)));
    }

    /**
     * Changes the given fields of the project webhook.
     *
     * @param array{url?: string, events?: list<string>, active?: bool} $params
     * @param RequestOptions|null $requestOptions
     * @throws ZavudevError
     */
    public function updateWebhook(mixed $params, mixed $requestOptions = null): WebhookConfig
    {
        return WebhookConfig::fromArray(Native::value($this->native->updateWebhook($params, $requestOptions)));
    }

    /**
     * Removes the project webhook.
     *
     * @param RequestOptions|null $requestOptions
     * @throws ZavudevError
     */
    public function deleteWebhook(mixed $requestOptions = null): void
    {
        Native::value($this->native->deleteWebhook($requestOptions));
    }
}
