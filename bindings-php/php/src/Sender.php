<?php

declare(strict_types=1);

namespace Zavudev;

/** A sender: a connected WhatsApp or Messenger identity that sends messages. */
final class Sender extends Model
{
    public string $id = '';
    public string $name = '';
    /** E.164. */
    public string $phoneNumber = '';
    /** @var list<string>|null */
    public ?array $channels = null;
    public ?bool $isDefault = null;
    /** @var array<string,mixed>|null */
    public ?array $webhook = null;
    /** @var array<string,mixed>|null */
    public ?array $whatsapp = null;
    public ?string $createdAt = null;
    public ?string $updatedAt = null;
}
