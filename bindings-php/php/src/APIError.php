<?php

declare(strict_types=1);

namespace Zavudev;

/** Any error from talking to the Zavu API. */
class APIError extends ZavudevError
{
}
