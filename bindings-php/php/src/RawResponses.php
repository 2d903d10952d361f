<?php

declare(strict_types=1);

namespace Zavudev;

use Zavudev\Internal\Native;

/**
 * `$resource->withRawResponse`: the resource's methods, each answering a {@see RawResponse}
 * (status, headers, request id, rate limit, and `parse()` for the value). An error is thrown as
 * by the plain call; it carries its own `requestId`.
 *
 * @template R of object
 */
final class RawResponses
{
    /**
     * @param \Closure(\Zavudev\Native\Client): R $resource builds the resource over a handle
     * @internal
     */
    public function __construct(
        private readonly \Zavudev\Native\Client $native,
        private readonly \Closure $resource,
    ) {
    }

    /**
     * Calls `$name` on a copy of the resource whose calls record their answer (a new record per
     * call, so two raw calls never share one).
     *
     * @param array<int|string,mixed> $arguments
     * @return RawResponse<mixed>
     * @throws ZavudevError
     */
    public function __call(string $name, array $arguments): RawResponse
    {
        $recording = $this->native->recording();
        if (\is_array($recording)) {
            throw Native::error($recording);
        }
        $resource = ($this->resource)($recording);
        if ($name === 'withRawResponse' || !\method_exists($resource, $name)) {
            throw new \BadMethodCallException(\sprintf('%s has no method %s()', $resource::class, $name));
        }
        $value = $resource->{$name}(...$arguments);
        $meta = $recording->lastResponse();
        return RawResponse::fromMeta($value, $meta === null ? [] : Native::value($meta));
    }
}
