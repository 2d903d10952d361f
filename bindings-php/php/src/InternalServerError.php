<?php

declare(strict_types=1);

namespace Zavudev;

/** The server failed (5xx). Also named `ServerError`. */
class InternalServerError extends APIStatusError
{
}
