<?php

declare(strict_types=1);

namespace Zavudev;

/** A Zavu phone number owned by the team. */
final class PhoneNumber extends Model
{
    protected const NESTED = ['pricing' => PhoneNumberPricing::class];

    /** The phone number's id (`phoneNumberId` of an invitation). */
    public string $id = '';
    /** The number, E.164. */
    public string $phoneNumber = '';
    /** @var list<string> What it can do (`sms`, `voice`, ...). */
    public array $capabilities = [];
    /** `active`, `suspended`, `pending`. */
    public string $status = '';
    /** What it costs. */
    public ?PhoneNumberPricing $pricing = null;
    /** Its label. */
    public ?string $name = null;
    /** The sender using it, if any. */
    public ?string $senderId = null;
    /** When it was bought (RFC 3339). */
    public string $createdAt = '';
    /** Last change (RFC 3339). */
    public ?string $updatedAt = null;
    /** When it renews (RFC 3339). */
    public ?string $nextRenewalDate = null;
}
