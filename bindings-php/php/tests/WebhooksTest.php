<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use PHPUnit\Framework\TestCase;
use Zavudev\InvalidRequestError;
use Zavudev\WebhookEvent;
use Zavudev\WebhookVerificationError;
use Zavudev\Webhooks;

/** Webhook verification from a raw body and the headers in every form PHP holds them. */
final class WebhooksTest extends TestCase
{
    private const SECRET = 'whsec_php_test_secret';
    private const BODY = '{"id":"evt_1","type":"invitation.status_changed","timestamp":1700000000000,"projectId":"prj_1","data":{"invitationId":"inv_1","previousStatus":"in_progress","currentStatus":"completed","senderId":"snd_1","clientName":"Acme Corp"}}';

    public function testEveryFormOfHeaders(): void
    {
        $webhooks = new Webhooks();
        $signature = $webhooks->sign(self::BODY, self::SECRET);
        self::assertMatchesRegularExpression('~^t=\d+,v1=[0-9a-f]{64},v2=[0-9a-f]{64}$~', $signature);
        $psr7 = new class ($signature) {
            public function __construct(private string $signature)
            {
            }

            /** @return array<string, list<string>> */
            public function getHeaders(): array
            {
                return ['Host' => ['example.com'], 'X-Zavu-Signature' => [$this->signature]];
            }
        };
        $forms = [
            'map' => ['X-Zavu-Signature' => $signature, 'Content-Type' => 'application/json'],
            'lower-case map' => ['x-zavu-signature' => $signature],
            '$_SERVER' => ['REQUEST_METHOD' => 'POST', 'REQUEST_TIME' => 1700000000, 'argv' => [], 'HTTP_X_ZAVU_SIGNATURE' => $signature, 'CONTENT_TYPE' => 'application/json'],
            'PSR-7 getHeaders()' => $psr7->getHeaders(),
            'PSR-7 message' => $psr7,
            'pairs' => [['X-Zavu-Signature', $signature]],
            'the value alone' => $signature,
        ];
        foreach ($forms as $label => $headers) {
            $event = $webhooks->unwrap(self::BODY, $headers, self::SECRET);
            self::assertInstanceOf(WebhookEvent::class, $event, $label);
            self::assertSame('evt_1', $event->id);
            self::assertSame('invitation.status_changed', $event->type);
            self::assertSame(1700000000000, $event->timestamp);
            self::assertSame('completed', $event->data['currentStatus']);
            self::assertSame('snd_1', $event->data['senderId']);
            $webhooks->verify(self::BODY, $headers, self::SECRET);
        }
        $stream = new class (self::BODY) implements \Stringable {
            public function __construct(private string $body)
            {
            }

            public function __toString(): string
            {
                return $this->body;
            }
        };
        self::assertSame('evt_1', $webhooks->unwrap($stream, $forms['map'], self::SECRET)->id);
    }

    public function testRefusals(): void
    {
        $webhooks = new Webhooks();
        $now = 1_700_000_000;
        $signature = $webhooks->sign(self::BODY, self::SECRET, timestamp: $now, scheme: 'v2');
        self::assertSame('evt_1', $webhooks->unwrap(self::BODY, $signature, self::SECRET, now: $now + 10)->id);
        $cases = [
            'tampered' => [self::BODY . ' ', $signature, self::SECRET, $now, 'invalid_signature'],
            'wrong secret' => [self::BODY, $signature, 'whsec_other', $now, 'invalid_signature'],
            'stale' => [self::BODY, $signature, self::SECRET, $now + 301, 'stale_signature'],
            'no header' => [self::BODY, ['Content-Type' => 'application/json'], self::SECRET, $now, 'invalid_signature'],
        ];
        foreach ($cases as $label => [$body, $headers, $secret, $at, $code]) {
            try {
                $webhooks->unwrap($body, $headers, $secret, now: $at);
                self::fail("$label was accepted");
            } catch (WebhookVerificationError $e) {
                self::assertSame($code, $e->code, $label);
                self::assertStringNotContainsString(self::SECRET, $e->getMessage());
            }
        }
        try {
            $webhooks->unwrap(\json_decode(self::BODY, true), $signature, self::SECRET);
            self::fail('a decoded body was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('payload', $e->param);
            self::assertStringContainsString('raw request body', $e->getMessage());
        }
        try {
            $webhooks->sign(self::BODY, self::SECRET, scheme: 'v3');
            self::fail('scheme v3 was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('scheme', $e->param);
        }
        $v1 = $webhooks->sign(self::BODY, self::SECRET, timestamp: $now, scheme: 'v1');
        self::assertStringNotContainsString('v2=', $v1);
        $webhooks->verify(self::BODY, ['X-Zavu-Signature' => $v1], self::SECRET, now: $now);
    }
}
