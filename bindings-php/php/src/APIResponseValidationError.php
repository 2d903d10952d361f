<?php

declare(strict_types=1);

namespace Zavudev;

/** A 2xx answer that is not what the API promises. Also named `InvalidResponseError`. */
class APIResponseValidationError extends APIError
{
}
