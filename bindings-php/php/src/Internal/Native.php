<?php

declare(strict_types=1);

namespace Zavudev\Internal;

use Zavudev\ZavudevError;

/**
 * The one place the PHP layer reads what the extension answers: a value arrives as its wire JSON
 * text, an error as an array of its fields, thrown here as the class core names.
 *
 * @internal
 */
final class Native
{
    /**
     * The decoded value of a native answer, or its error thrown.
     *
     * @param string|array<string,mixed> $answer
     * @return mixed
     * @throws ZavudevError
     */
    public static function value(string|array $answer): mixed
    {
        if (\is_string($answer)) {
            return \json_decode($answer, true, 512, \JSON_THROW_ON_ERROR | \JSON_BIGINT_AS_STRING);
        }
        throw self::error($answer);
    }

    /**
     * A method's parameter array with the parameters given as named arguments merged over it
     * (the published SDK calls `create(clientName: 'Acme Corp')`); anything else is passed on as
     * it is, for the extension to refuse naming `params`.
     *
     * @param mixed $params the method's parameter array as given
     * @param array<int|string,mixed> $fields
     */
    public static function params(mixed $params, array $fields): mixed
    {
        if ($fields === [] || !\is_array($params)) {
            return $params;
        }
        return \array_merge($params, $fields);
    }

    /**
     * The exception for an error's fields: an instance of the class core picked
     * (`Zavudev\NotFoundError`, ...), located at the caller's line outside this package.
     *
     * @param array<string,mixed> $fields
     */
    public static function error(array $fields): ZavudevError
    {
        $class = 'Zavudev\\' . (string) ($fields['class'] ?? 'ZavudevError');
        if (!\class_exists($class) || !\is_a($class, ZavudevError::class, true)) {
            $class = ZavudevError::class;
        }
        /** @var ZavudevError $error */
        $error = $class::fromFields($fields);
        return $error;
    }
}
