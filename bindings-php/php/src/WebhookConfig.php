<?php

declare(strict_types=1);

namespace Zavudev;

/**
 * The project webhook that receives invitation events. `secret` (`whsec_...`) is only in the
 * answer to `createWebhook`; it never appears in `var_dump`, `print_r` or `var_export` output.
 */
final class WebhookConfig extends Model
{
    /** Where deliveries go. */
    public string $url = '';
    /** @var list<string> */
    public array $events = [];
    /** The signing secret; present only in the answer to create. */
    public ?string $secret = null;
    /** Whether deliveries are sent. */
    public bool $active = true;

    /** @return array<string,mixed> */
    public function __debugInfo(): array
    {
        $fields = \get_object_vars($this);
        if ($fields['secret'] !== null) {
            $fields['secret'] = '[redacted]';
        }
        return $fields;
    }
}
