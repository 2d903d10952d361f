<?php

declare(strict_types=1);

namespace Zavudev;

/**
 * A value the API returned, with camelCase properties as the wire names them
 * (`$invitation->expiresAt`). Fields this SDK does not know yet are kept as extra properties
 * and in `toArray()`, never dropped. Timestamps are the wire's RFC 3339 strings.
 */
#[\AllowDynamicProperties]
abstract class Model implements \JsonSerializable
{
    /**
     * Nested models by property name.
     *
     * @var array<string, class-string<Model>>
     */
    protected const NESTED = [];

    /**
     * A model from its wire array (as `json_decode(..., true)` gives it).
     *
     * @param array<string,mixed> $data
     * @return static
     */
    public static function fromArray(array $data): static
    {
        $model = new static();
        foreach ($data as $key => $value) {
            $key = (string) $key;
            if (isset(static::NESTED[$key]) && \is_array($value)) {
                $value = static::NESTED[$key]::fromArray($value);
            }
            $model->{$key} = $value;
        }
        return $model;
    }

    /**
     * The model as its wire array: camelCase keys, unknown fields kept, unset fields left out.
     *
     * @return array<string,mixed>
     */
    public function toArray(): array
    {
        $out = [];
        foreach (\get_object_vars($this) as $key => $value) {
            if ($value === null) {
                continue;
            }
            $out[$key] = $value instanceof Model ? $value->toArray() : $value;
        }
        return $out;
    }

    /** @return array<string,mixed> */
    public function jsonSerialize(): array
    {
        return $this->toArray();
    }
}
