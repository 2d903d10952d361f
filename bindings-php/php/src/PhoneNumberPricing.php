<?php

declare(strict_types=1);

namespace Zavudev;

/** What a phone number costs. */
final class PhoneNumberPricing extends Model
{
    /** Whether the number is free. */
    public ?bool $isFreeNumber = null;
    /** What Zavu pays per month. */
    public int|float|null $monthlyCost = null;
    /** What the team pays per month. */
    public int|float|null $monthlyPrice = null;
    /** What buying it costs once. */
    public int|float|null $upfrontCost = null;
}
