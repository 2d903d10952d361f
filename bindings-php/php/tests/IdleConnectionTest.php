<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use PHPUnit\Framework\TestCase;
use Zavudev\Client;
use Zavudev\Tests\Support\Sandbox;

/**
 * Servers close keep-alive connections that sit idle (the sandbox's `--idle-timeout-ms`, like a
 * load balancer's). Without ZTS the extension drives its connections only during calls, so a
 * connection the server closed between two calls must still never be used for the next one:
 * with retries off, every call after an idle pause has to succeed on the first attempt.
 */
final class IdleConnectionTest extends TestCase
{
    public function testAConnectionTheServerClosedWhileIdleIsNotReused(): void
    {
        $sandbox = new Sandbox(['--idle-timeout-ms', '200']);
        try {
            $client = new Client(apiKey: $sandbox->apiKey(), baseUrl: $sandbox->baseUrl, maxRetries: 0);
            $created = $client->invitations->create(['clientName' => 'Idle']);
            for ($round = 0; $round < 5; $round++) {
                \usleep(400_000);
                self::assertSame($created->id, $client->invitations->get($created->id)->id, "call after idle pause $round");
                // And back to back, on the connection just opened.
                self::assertSame($created->id, $client->invitations->get($created->id)->id);
            }
        } finally {
            $sandbox->stop();
        }
    }
}
