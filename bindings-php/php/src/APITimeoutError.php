<?php

declare(strict_types=1);

namespace Zavudev;

/** An attempt ran out of time (`timeout`). */
class APITimeoutError extends APIConnectionError
{
}
