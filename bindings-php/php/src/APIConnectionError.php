<?php

declare(strict_types=1);

namespace Zavudev;

/** The request never got an answer (DNS, connect, reset, dropped connection). */
class APIConnectionError extends APIError
{
}
