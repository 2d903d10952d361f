<?php

declare(strict_types=1);

namespace Zavudev;

/** A bug inside the SDK, caught before it could crash PHP (`internal_panic`). */
class InternalError extends ZavudevError
{
}
