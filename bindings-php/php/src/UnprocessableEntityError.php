<?php

declare(strict_types=1);

namespace Zavudev;

/** Parameters the server understood but refused (422). */
class UnprocessableEntityError extends InvalidRequestError
{
}
