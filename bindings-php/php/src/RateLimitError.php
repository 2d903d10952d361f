<?php

declare(strict_types=1);

namespace Zavudev;

/** Too many requests (429); see `retryAfter`. */
class RateLimitError extends APIStatusError
{
}
