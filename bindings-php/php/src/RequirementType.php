<?php

declare(strict_types=1);

namespace Zavudev;

/** One piece of information a purchase needs; send its `id` as `requirementType`. */
final class RequirementType extends Model
{
    /** The id to send back on purchase. */
    public string $id = '';
    /** A short name. */
    public string $name = '';
    /** What is asked for. */
    public string $description = '';
    /** The kind of value: `textual`, `address`, `document` or `action`. */
    public string $type = '';
    /** @var array<string,mixed>|null What a value must satisfy. */
    public ?array $acceptanceCriteria = null;
    /** An example value. */
    public ?string $example = null;
}
