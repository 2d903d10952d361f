<?php

declare(strict_types=1);

namespace Zavudev;

/**
 * A verified webhook delivery: `invitation.status_changed` (its `data` holds `invitationId`,
 * `previousStatus`, `currentStatus`, `senderId`, ...), `sender.created` (its `data` is a sender),
 * or a newer type with its raw `data`.
 */
final class WebhookEvent extends Model
{
    /** The event id (`evt_...`). */
    public string $id = '';
    /** `invitation.status_changed`, `sender.created`, or a newer type. */
    public string $type = '';
    /** When it happened, unix milliseconds. */
    public int $timestamp = 0;
    /** The project the event belongs to. */
    public string $projectId = '';
    /** The sender concerned, when there is one. */
    public ?string $senderId = null;
    /** @var array<string,mixed> The event's payload as the wire sends it (camelCase keys). */
    public array $data = [];
}
