<?php

declare(strict_types=1);

namespace Zavudev;

/** A missing or refused API key (401, `missing_api_key`). */
class AuthenticationError extends APIStatusError
{
}
