<?php

declare(strict_types=1);

namespace Zavudev;

/** The account a completed invitation connected. */
final class ConnectedAccount extends Model
{
    /** The account's id. */
    public string $id = '';
    /** `whatsapp` or `messenger`. */
    public string $channel = '';
    /** The account's display name. */
    public ?string $name = null;
}
