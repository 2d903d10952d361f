<?php

declare(strict_types=1);

namespace Zavudev;

/**
 * `withRawResponse` for a resource class whose constructor takes the native client as
 * `$native`: both `$resource->withRawResponse->create(...)` (the published SDKs' attribute
 * form; `->raw`, the published PHP SDK's name, is the same) and
 * `$resource->withRawResponse()->create(...)`.
 *
 * @internal
 * @property-read RawResponses<static> $withRawResponse
 */
trait HasRawResponse
{
    /** @return RawResponses<static> */
    public function withRawResponse(): RawResponses
    {
        return new RawResponses($this->native, static fn (\Zavudev\Native\Client $native) => new self($native));
    }

    /** `$resource->withRawResponse`, the attribute form of {@see withRawResponse()}. */
    public function __get(string $name): mixed
    {
        if ($name === 'withRawResponse' || $name === 'raw') {
            return $this->withRawResponse();
        }
        throw new \Error(\sprintf('Undefined property: %s::$%s', self::class, $name));
    }
}
