<?php

declare(strict_types=1);

namespace Zavudev;

/** The resource does not exist (404). */
class NotFoundError extends APIStatusError
{
}
