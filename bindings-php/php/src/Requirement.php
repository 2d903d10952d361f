<?php

declare(strict_types=1);

namespace Zavudev;

/** The regulatory information buying a number needs (`$client->phoneNumbers->requirements(...)`). */
final class Requirement extends Model
{
    /** The group's id. */
    public string $id = '';
    /** What the information is for (`purchase`). */
    public string $action = '';
    /** ISO 3166 alpha-2 country code. */
    public string $countryCode = '';
    /** The number type it applies to. */
    public string $phoneNumberType = '';
    /** @var list<RequirementType> Each piece of information asked for. */
    public array $requirementTypes = [];

    /**
     * A requirement group from its wire array, its types as RequirementType models.
     *
     * @param array<string,mixed> $data
     * @return static
     */
    public static function fromArray(array $data): static
    {
        $model = parent::fromArray($data);
        $model->requirementTypes = \array_map(
            static fn (array $type) => RequirementType::fromArray($type),
            \is_array($data['requirementTypes'] ?? null) ? $data['requirementTypes'] : [],
        );
        return $model;
    }

    /**
     * The group as its wire array.
     *
     * @return array<string,mixed>
     */
    public function toArray(): array
    {
        $out = parent::toArray();
        $out['requirementTypes'] = \array_map(static fn (RequirementType $t) => $t->toArray(), $this->requirementTypes);
        return $out;
    }
}
