<?php

declare(strict_types=1);

namespace Zavudev;

use Zavudev\Internal\Native;

/** `$client->phoneNumbers`. */
final class PhoneNumbers
{
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
     * @throws ZavudevError
     */
    public function purchase(mixed $params, mixed $requestOptions = null): PhoneNumber
    {
        return PhoneNumber::fromArray(Native::value($this->native->purchasePhoneNumber($params, $requestOptions)));
    }
}
