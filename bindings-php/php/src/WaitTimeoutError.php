<?php

declare(strict_types=1);

namespace Zavudev;

/** `waitForCompletion` gave up before the invitation reached a final status (`wait_timeout`). */
class WaitTimeoutError extends ZavudevError
{
}
