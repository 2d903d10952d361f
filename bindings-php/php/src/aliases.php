<?php

declare(strict_types=1);

// The other names of the SDK's error classes (core's ERROR_CLASSES aliases, plus the guide's
// `Zavudev\Error`). Loaded eagerly by Composer's `files` autoload: a `catch` clause never
// triggers autoloading, so `catch (Zavudev\Error $e)` only matches once the alias exists.
// Aliases, not subclasses: each name catches exactly what its class catches.

namespace Zavudev;

if (\class_exists('Zavudev\Error', false)) {
    // Already loaded (a second autoloader, or a manual include).
    return;
}

/** The guide's name for the root class `ZavudevError`: `catch (Zavudev\Error $e)`. */
\class_alias(ZavudevError::class, 'Zavudev\Error');
/** An earlier name of `ZavudevError`. */
\class_alias(ZavudevError::class, 'Zavudev\ZavuError');
/** An earlier name of `InternalServerError`. */
\class_alias(InternalServerError::class, 'Zavudev\ServerError');
/** An earlier name of `APIResponseValidationError`. */
\class_alias(APIResponseValidationError::class, 'Zavudev\InvalidResponseError');
/** An earlier name of `APIUserAbortError`. */
\class_alias(APIUserAbortError::class, 'Zavudev\RequestCancelledError');
