<?php

declare(strict_types=1);

namespace Zavudev;

/** The call was cancelled (`cancelled`). Also named `RequestCancelledError`. */
class APIUserAbortError extends APIError
{
}
