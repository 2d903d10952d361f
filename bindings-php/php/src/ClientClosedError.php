<?php

declare(strict_types=1);

namespace Zavudev;

/** The client was closed before the call (`client_closed`). */
class ClientClosedError extends ZavudevError
{
}
