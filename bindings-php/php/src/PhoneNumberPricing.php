<?php

declare(strict_types=1);

namespace Zavudev;

/** What a phone number costs. */
final class PhoneNumberPricing extends Model
{
    public ?bool $isFreeNumber = null;
    public int|float|null $monthlyCost = null;
    public int|float|null $monthlyPrice = null;
    public int|float|null $upfrontCost = null;
}
