<?php

declare(strict_types=1);

namespace Zavudev;

/** Bad parameters, refused locally before sending or by the server (`invalid_request`, `phone_number_wrong_team`). */
class InvalidRequestError extends BadRequestError
{
}
