<?php

declare(strict_types=1);

namespace Zavudev;

/** A sender: a connected WhatsApp or Messenger identity that sends messages. */
final class Sender extends Model
{
    /** The sender id (`senderId` of a completed invitation). */
    public string $id = '';
    /** Its display name. */
    public string $name = '';
    /** E.164. */
    public string $phoneNumber = '';
    /** @var list<string>|null */
    public ?array $channels = null;
    /** Whether it is the team's default sender. */
    public ?bool $isDefault = null;
    /** @var array<string,mixed>|null */
    public ?array $webhook = null;
    /** @var array<string,mixed>|null */
    public ?array $whatsapp = null;
    /** Creation timestamp (RFC 3339). */
    public ?string $createdAt = null;
    /** Last change (RFC 3339). */
    public ?string $updatedAt = null;
}
