<?php

declare(strict_types=1);

namespace Zavudev;

use Zavudev\Internal\Native;

/** `$client->phoneNumbers`. */
final class PhoneNumbers
{
    use HasRawResponse;

    /** @internal */
    public function __construct(private readonly \Zavudev\Native\Client $native)
    {
    }

    /**
     * Buys a phone number for the team (a team on the free plan gets a `PaymentRequiredError`,
     * code `paid_plan_required`).
     *
     * @param array{phoneNumber: string, name?: string} $params
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @param mixed ...$fields the parameters as named arguments (`(clientName: 'Acme Corp')`, the
     *     published SDK's form), merged over `$params`
     * @throws ZavudevError
     */
    public function purchase(mixed $params = [], mixed $requestOptions = null, mixed ...$fields): PhoneNumber
    {
        $params = Native::params($params, $fields);
        return PhoneNumber::fromArray(Native::value($this->native->purchasePhoneNumber($params, $requestOptions)));
    }

    /**
     * Numbers the team can buy: the first step of onboarding, before `purchase`.
     *
     * @param array{countryCode: string, type?: string, contains?: string, capabilities?: string, limit?: int} $params
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @param mixed ...$fields the parameters as named arguments (`(clientName: 'Acme Corp')`, the
     *     published SDK's form), merged over `$params`
     * @return list<AvailablePhoneNumber>
     * @throws ZavudevError
     */
    public function searchAvailable(mixed $params = [], mixed $requestOptions = null, mixed ...$fields): array
    {
        $params = Native::params($params, $fields);
        $data = Native::value($this->native->searchAvailablePhoneNumbers($params, $requestOptions));
        return \array_map(static fn (array $item) => AvailablePhoneNumber::fromArray($item), $data['items']);
    }

    /**
     * The regulatory information buying a number needs (by `phoneNumber`, or `countryCode` and
     * `type`); empty when none is needed.
     *
     * @param array{phoneNumber?: string, countryCode?: string, type?: string} $params
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @param mixed ...$fields the parameters as named arguments (`(clientName: 'Acme Corp')`, the
     *     published SDK's form), merged over `$params`
     * @return list<Requirement>
     * @throws ZavudevError
     */
    public function requirements(mixed $params = [], mixed $requestOptions = null, mixed ...$fields): array
    {
        $params = Native::params($params, $fields);
        $data = Native::value($this->native->phoneNumberRequirements($params, $requestOptions));
        return \array_map(static fn (array $item) => Requirement::fromArray($item), $data['items']);
    }

    /**
     * One page of the team's numbers; `foreach` over the page walks every number of every page.
     *
     * @param array{status?: string, limit?: int, cursor?: string} $params
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @param mixed ...$fields the parameters as named arguments (`(clientName: 'Acme Corp')`, the
     *     published SDK's form), merged over `$params`
     * @return Page<PhoneNumber>
     * @throws ZavudevError
     */
    public function list(mixed $params = [], mixed $requestOptions = null, mixed ...$fields): Page
    {
        $params = Native::params($params, $fields);
        $data = Native::value($this->native->listPhoneNumbers($params, $requestOptions));
        $params = \is_array($params) ? $params : [];
        return new Page(
            \array_map(static fn (array $item) => PhoneNumber::fromArray($item), $data['items']),
            $data['nextCursor'] ?? null,
            fn (string $cursor) => $this->list(['cursor' => $cursor] + $params, $requestOptions),
            fn (string $cursor) => $this->native->phoneNumberPager(['cursor' => $cursor] + $params, $requestOptions),
            PhoneNumber::class,
        );
    }

    /**
     * One of the team's numbers; another team's is a NotFoundError.
     *
     * @param string|array{phoneNumberId: string} $phoneNumberId
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @throws ZavudevError
     */
    public function get(mixed $phoneNumberId, mixed $requestOptions = null): PhoneNumber
    {
        return PhoneNumber::fromArray(Native::value($this->native->getPhoneNumber($phoneNumberId, $requestOptions)));
    }

    /**
     * One of the team's numbers (the published SDK's name for `get`).
     *
     * @param string|array{phoneNumberId: string} $phoneNumberId
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @throws ZavudevError
     */
    public function retrieve(mixed $phoneNumberId, mixed $requestOptions = null): PhoneNumber
    {
        return $this->get($phoneNumberId, $requestOptions);
    }

    /**
     * Renames a number or (un)assigns it to a sender; a key given as `null` clears the field.
     *
     * @param string|array{phoneNumberId: string} $phoneNumberId
     * @param array{name?: string|null, senderId?: string|null} $params
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @param mixed ...$fields the parameters as named arguments (`(clientName: 'Acme Corp')`, the
     *     published SDK's form), merged over `$params`
     * @throws ZavudevError
     */
    public function update(mixed $phoneNumberId, mixed $params = [], mixed $requestOptions = null, mixed ...$fields): PhoneNumber
    {
        $params = Native::params($params, $fields);
        return PhoneNumber::fromArray(Native::value($this->native->updatePhoneNumber($phoneNumberId, $params, $requestOptions)));
    }

    /**
     * Releases a number; it leaves the list.
     *
     * @param string|array{phoneNumberId: string} $phoneNumberId
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @throws ZavudevError
     */
    public function release(mixed $phoneNumberId, mixed $requestOptions = null): void
    {
        Native::value($this->native->releasePhoneNumber($phoneNumberId, $requestOptions));
    }
}
