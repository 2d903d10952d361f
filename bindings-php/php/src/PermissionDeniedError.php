<?php

declare(strict_types=1);

namespace Zavudev;

/** The key may not do this (403). */
class PermissionDeniedError extends APIStatusError
{
}
