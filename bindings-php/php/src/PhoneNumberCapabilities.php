<?php

declare(strict_types=1);

namespace Zavudev;

/** What an available number can do. */
final class PhoneNumberCapabilities extends Model
{
    /** Text messages. */
    public ?bool $sms = null;
    /** Calls. */
    public ?bool $voice = null;
    /** Picture messages. */
    public ?bool $mms = null;
}
