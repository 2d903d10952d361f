<?php

declare(strict_types=1);

namespace Zavudev;

/** A webhook whose signature, timestamp or payload was refused (`invalid_signature`, `stale_signature`, `invalid_payload`). */
class WebhookVerificationError extends ZavudevError
{
}
