<?php

declare(strict_types=1);

namespace Zavudev;

/** A number the team can buy (`$client->phoneNumbers->searchAvailable(...)`). */
final class AvailablePhoneNumber extends Model
{
    protected const NESTED = [
        'capabilities' => PhoneNumberCapabilities::class,
        'pricing' => AvailablePhoneNumberPricing::class,
    ];

    /** The number, E.164: pass it to `purchase`. */
    public string $phoneNumber = '';
    /** What it can do. */
    public ?PhoneNumberCapabilities $capabilities = null;
    /** What it would cost. */
    public ?AvailablePhoneNumberPricing $pricing = null;
    /** The number formatted for people. */
    public ?string $friendlyName = null;
    /** The city or area, when known. */
    public ?string $locality = null;
    /** The region or state, when known. */
    public ?string $region = null;
}
