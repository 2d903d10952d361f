<?php

declare(strict_types=1);

namespace Zavudev;

/** The API answered with an error status (kind `api`: a status no other class covers). */
class APIStatusError extends APIError
{
}
