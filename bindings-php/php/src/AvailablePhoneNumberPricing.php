<?php

declare(strict_types=1);

namespace Zavudev;

/** What an available number would cost. */
final class AvailablePhoneNumberPricing extends Model
{
    /** Whether it qualifies as the one number a paid plan includes. */
    public ?bool $isFreeEligible = null;
    /** Monthly price in USD. */
    public int|float|null $monthlyPrice = null;
    /** One-off price in USD. */
    public int|float|null $upfrontPrice = null;
}
