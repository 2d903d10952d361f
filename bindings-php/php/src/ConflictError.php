<?php

declare(strict_types=1);

namespace Zavudev;

/** The resource is not in a state that allows this (409, `already_completed`). */
class ConflictError extends APIStatusError
{
}
