<?php

declare(strict_types=1);

namespace Zavudev;

/** The request was refused as bad (400). */
class BadRequestError extends APIStatusError
{
}
