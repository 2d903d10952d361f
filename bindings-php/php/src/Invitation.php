<?php

declare(strict_types=1);

namespace Zavudev;

/**
 * A partner invitation: a link a client opens to connect their WhatsApp Business (or Messenger)
 * account. Status moves `pending` → `in_progress` → `completed` (then `senderId` is set), or
 * ends `expired` or `cancelled`; `failed` may move back to `in_progress`.
 */
final class Invitation extends Model
{
    protected const NESTED = ['connectedAccount' => ConnectedAccount::class];

    /** Unique invitation id. */
    public string $id = '';
    /** Full invitation URL to share with the client. */
    public string $url = '';
    /** URL token (part of the URL). */
    public string $token = '';
    /** `pending`, `in_progress`, `completed`, `expired`, `cancelled`, `failed` (or a newer status). */
    public string $status = '';
    /** Client name. */
    public ?string $clientName = null;
    /** Client email. */
    public ?string $clientEmail = null;
    /** Client phone number (E.164). */
    public ?string $clientPhone = null;
    /** Pre-assigned phone number id, if any. */
    public ?string $phoneNumberId = null;
    /** The sender created when the invitation completed. */
    public ?string $senderId = null;
    /** `whatsapp_waba` or `messenger`. */
    public ?string $connectionType = null;
    /** @var list<string>|null ISO 3166 alpha-2 codes the client may pick a number from. */
    public ?array $allowedPhoneCountries = null;
    /** The account the completed invitation connected. */
    public ?ConnectedAccount $connectedAccount = null;
    /** Expiration timestamp (RFC 3339). */
    public string $expiresAt = '';
    /** Creation timestamp (RFC 3339). */
    public string $createdAt = '';
    /** Last change (RFC 3339). */
    public ?string $updatedAt = null;
    /** When the client first viewed the invitation. */
    public ?string $viewedAt = null;
    /** When the client started the setup. */
    public ?string $startedAt = null;
    /** When the setup was completed. */
    public ?string $completedAt = null;
    /** When the setup failed. */
    public ?string $failedAt = null;
    /** Why it failed: `fb_cancelled`, `fb_not_authorized`, `signup_abandoned`, ... */
    public ?string $failureReason = null;

    /** Whether the invitation reached a final status (`completed`, `expired`, `cancelled`). */
    public function isFinal(): bool
    {
        return \in_array($this->status, ['completed', 'expired', 'cancelled'], true);
    }
}
