<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use Zavudev\AuthenticationError;
use Zavudev\Client;
use Zavudev\ClientClosedError;
use Zavudev\ConflictError;
use Zavudev\InternalServerError;
use Zavudev\Invitation;
use Zavudev\InvalidRequestError;
use Zavudev\NotFoundError;
use Zavudev\Page;
use Zavudev\PaymentRequiredError;
use Zavudev\PhoneNumber;
use Zavudev\PhoneNumberPricing;
use Zavudev\Sender;
use Zavudev\WaitTimeoutError;
use Zavudev\WebhookConfig;
use Zavudev\Tests\Support\SandboxTestCase;

/** Every method of the client, against the sandbox. */
final class ClientTest extends SandboxTestCase
{
    public function testCreateWithEveryFieldAndReadEveryProperty(): void
    {
        $inv = $this->client()->invitations->create([
            'clientName' => 'Acme Corp',
            'clientEmail' => 'contact@acme.com',
            'clientPhone' => '+14155550123',
            'expiresInDays' => 14,
            'connectionType' => 'whatsapp_waba',
            'allowedPhoneCountries' => ['US', 'MX'],
        ]);
        self::assertInstanceOf(Invitation::class, $inv);
        self::assertStringStartsWith('inv_', $inv->id);
        self::assertSame($this->sandbox()->baseUrl . '/invite/' . $inv->token, $inv->url);
        self::assertSame('pending', $inv->status);
        self::assertSame('Acme Corp', $inv->clientName);
        self::assertSame('contact@acme.com', $inv->clientEmail);
        self::assertSame('+14155550123', $inv->clientPhone);
        self::assertSame('whatsapp_waba', $inv->connectionType);
        self::assertSame(['US', 'MX'], $inv->allowedPhoneCountries);
        self::assertNull($inv->senderId);
        self::assertNull($inv->phoneNumberId);
        self::assertNull($inv->connectedAccount);
        self::assertFalse($inv->isFinal());
        $created = new \DateTimeImmutable($inv->createdAt);
        $expires = new \DateTimeImmutable($inv->expiresAt);
        self::assertSame(14, $created->diff($expires)->days);
        $wire = $inv->toArray();
        self::assertSame($inv->id, $wire['id']);
        self::assertArrayNotHasKey('senderId', $wire);
        self::assertSame($wire, \json_decode(\json_encode($inv), true));
    }

    public function testCreateWithNoArguments(): void
    {
        $inv = $this->client()->invitations->create();
        self::assertSame('pending', $inv->status);
        self::assertNull($inv->clientName);
    }

    public function testUnknownFieldsAreKept(): void
    {
        $body = GuideTest::guideInvitation('pending');
        $body['invitation']['brandNew'] = ['a' => 1];
        $body['invitation']['status'] = 'paused';
        $this->sandbox()->fault('/v1/invitations/inv_new', ['kind' => 'status', 'status' => 200, 'body' => $body], 'GET');
        $inv = $this->client()->invitations->get('inv_new');
        self::assertSame('paused', $inv->status);
        self::assertSame(['a' => 1], $inv->brandNew);
        self::assertSame(['a' => 1], $inv->toArray()['brandNew']);
    }

    public function testListFilterPagesAndEveryItem(): void
    {
        $client = $this->client();
        $this->sandbox()->control('POST', '/sandbox/invitations/seed', ['apiKey' => $this->sandbox()->apiKey(), 'count' => 120, 'status' => 'pending', 'clientNamePrefix' => 'Client']);
        $client->invitations->cancel($client->invitations->create(['clientName' => 'Gone'])->id);

        $page = $client->invitations->list(['status' => 'pending', 'limit' => 50]);
        self::assertInstanceOf(Page::class, $page);
        self::assertCount(50, $page->items);
        self::assertCount(50, $page);
        self::assertSame($page->items, $page->getItems());
        self::assertTrue($page->hasNextPage());
        self::assertContainsOnlyInstancesOf(Invitation::class, $page->items);
        $second = $page->getNextPage();
        self::assertNotNull($second);
        self::assertCount(50, $second->items);
        self::assertNotSame($page->items[0]->id, $second->items[0]->id);

        $ids = [];
        foreach ($page as $inv) {
            self::assertSame('pending', $inv->status);
            $ids[] = $inv->id;
        }
        self::assertCount(120, $ids);
        self::assertCount(120, \array_unique($ids));
        self::assertSame($ids, \array_map(static fn ($i) => $i->id, \iterator_to_array($page->pagingEachItem(), false)));

        $all = \iterator_to_array($client->invitations->listAll(['limit' => 100]), false);
        self::assertCount(121, $all);
        self::assertSame('cancelled', $client->invitations->list(['status' => 'cancelled'])->items[0]->status);
        $last = $client->invitations->list(['status' => 'pending', 'cursor' => $second->nextCursor]);
        self::assertCount(20, $last->items);
        self::assertFalse($last->hasNextPage());
        self::assertNull($last->getNextPage());
        self::assertSame(['items', 'nextCursor'], \array_keys($last->toArray()));
    }

    public function testAFailedPageFetchThrowsAndTheNextStepRetriesTheSamePage(): void
    {
        $client = $this->client(maxRetries: 0);
        $this->sandbox()->control('POST', '/sandbox/invitations/seed', ['apiKey' => $this->sandbox()->apiKey(), 'count' => 5, 'status' => 'pending', 'clientNamePrefix' => 'C']);
        $walk = $client->invitations->listAll(['limit' => 2]);
        $seen = [];
        $walk->rewind();
        $seen[] = $walk->current()->id;
        $walk->next();
        $seen[] = $walk->current()->id;
        $walk->next();
        $this->sandbox()->fault('/v1/invitations', ['kind' => 'status', 'status' => 503], 'GET');
        try {
            $walk->valid();
            self::fail('the failed page fetch did not throw');
        } catch (InternalServerError $e) {
            self::assertSame(503, $e->status);
        }
        // Nothing lost or repeated: the walk goes on where it stopped, fetching that page again.
        foreach ($walk as $inv) {
            $seen[] = $inv->id;
        }
        self::assertCount(5, $seen);
        self::assertCount(5, \array_unique($seen));
        $all = \array_map(static fn ($i) => $i->id, \iterator_to_array($client->invitations->listAll(['limit' => 2]), false));
        self::assertSame($all, $seen);
    }

    public function testGetRetrieveAndCancel(): void
    {
        $invitations = $this->client()->invitations;
        $inv = $invitations->create(['clientName' => 'Acme Corp']);
        self::assertEquals($inv, $invitations->get($inv->id));
        self::assertEquals($inv, $invitations->retrieve($inv->id));
        self::assertSame($inv->id, $invitations->get(['invitationId' => $inv->id])->id);
        $cancelled = $invitations->cancel($inv->id);
        self::assertSame('cancelled', $cancelled->status);
        self::assertTrue($cancelled->isFinal());
        $this->expectException(NotFoundError::class);
        $invitations->get('inv_missing');
    }

    public function testCancellingACompletedInvitationIsAConflict(): void
    {
        $invitations = $this->client()->invitations;
        $inv = $invitations->create();
        $this->sandbox()->control('POST', "/sandbox/invitations/{$inv->id}/start");
        $this->sandbox()->control('POST', "/sandbox/invitations/{$inv->id}/complete");
        try {
            $invitations->cancel($inv->id);
            self::fail('cancelled a completed invitation');
        } catch (ConflictError $e) {
            self::assertSame('already_completed', $e->code);
            self::assertSame(409, $e->status);
        }
    }

    public function testWaitForCompletionAndSenders(): void
    {
        $client = $this->client();
        $inv = $client->invitations->create(['clientName' => 'Acme Corp']);
        $this->sandbox()->control('POST', "/sandbox/invitations/{$inv->id}/start");
        $this->sandbox()->control('POST', "/sandbox/invitations/{$inv->id}/complete");
        $done = $client->invitations->waitForCompletion($inv->id, timeout: 10, pollInterval: 0.05);
        self::assertSame('completed', $done->status);
        self::assertNotNull($done->senderId);
        self::assertNotNull($done->connectedAccount);
        self::assertSame('whatsapp', $done->connectedAccount->channel);
        self::assertNotNull($done->completedAt);

        $sender = $client->senders->get($done->senderId);
        self::assertInstanceOf(Sender::class, $sender);
        self::assertSame($done->senderId, $sender->id);
        self::assertSame('Acme Corp', $sender->name);
        self::assertSame($sender->id, $client->senders->retrieve(['senderId' => $sender->id])->id);
        $page = $client->senders->list(['limit' => 10]);
        self::assertSame([$sender->id], \array_map(static fn ($s) => $s->id, $page->items));
        self::assertSame([$sender->id], \array_map(static fn ($s) => $s->id, \iterator_to_array($client->senders->listAll(), false)));
        self::assertSame([$sender->id], \array_map(static fn ($s) => $s->id, \iterator_to_array($page, false)));
    }

    public function testWaitForCompletionGivesUpAfterItsTimeout(): void
    {
        $client = $this->client();
        $inv = $client->invitations->create();
        $started = \microtime(true);
        try {
            $client->invitations->waitForCompletion($inv->id, timeout: 0.3, pollInterval: 0.05);
            self::fail('the wait did not time out');
        } catch (WaitTimeoutError $e) {
            self::assertSame('wait_timeout', $e->code);
        }
        self::assertLessThan(5, \microtime(true) - $started);
    }

    public function testPurchaseAPhoneNumberAndPreassignIt(): void
    {
        $client = $this->client();
        $number = $client->phoneNumbers->purchase(['phoneNumber' => '+14155551234', 'name' => 'Client: Acme Corp']);
        self::assertInstanceOf(PhoneNumber::class, $number);
        self::assertSame('+14155551234', $number->phoneNumber);
        self::assertSame('Client: Acme Corp', $number->name);
        self::assertSame('active', $number->status);
        self::assertInstanceOf(PhoneNumberPricing::class, $number->pricing);
        $inv = $client->invitations->create(['clientName' => 'Acme Corp', 'phoneNumberId' => $number->id]);
        self::assertSame($number->id, $inv->phoneNumberId);

        $this->sandbox()->control('POST', '/sandbox/teams/plan', ['apiKey' => $this->sandbox()->otherKey(), 'plan' => 'free']);
        try {
            $this->client(apiKey: $this->sandbox()->otherKey())->phoneNumbers->purchase(['phoneNumber' => '+14155551299']);
            self::fail('a free team bought a number');
        } catch (PaymentRequiredError $e) {
            self::assertSame('paid_plan_required', $e->code);
        } finally {
            $this->sandbox()->control('POST', '/sandbox/teams/plan', ['apiKey' => $this->sandbox()->otherKey(), 'plan' => 'paid']);
        }
    }

    public function testTheProjectWebhook(): void
    {
        $invitations = $this->client()->invitations;
        $created = $invitations->createWebhook(['url' => 'https://example.com/hook']);
        self::assertInstanceOf(WebhookConfig::class, $created);
        self::assertSame(['invitation.status_changed'], $created->events);
        self::assertStringStartsWith('whsec_', (string) $created->secret);
        self::assertTrue($created->active);
        $read = $invitations->getWebhook();
        self::assertSame('https://example.com/hook', $read->url);
        self::assertNull($read->secret);
        $updated = $invitations->updateWebhook(['active' => false, 'url' => 'https://example.com/other']);
        self::assertFalse($updated->active);
        self::assertSame('https://example.com/other', $updated->url);
        $invitations->deleteWebhook();
        $this->expectException(NotFoundError::class);
        $invitations->getWebhook();
    }

    public function testRequestOptions(): void
    {
        $client = $this->client();
        $this->sandbox()->fault('/v1/invitations', ['kind' => 'status', 'status' => 503], 'POST', 1);
        try {
            $client->invitations->create([], ['maxRetries' => 0]);
            self::fail('maxRetries 0 retried');
        } catch (InternalServerError $e) {
            self::assertSame(503, $e->status);
        }
        $a = $client->invitations->create(['clientName' => 'Once'], ['idempotencyKey' => 'php-key-1']);
        $b = $client->invitations->create(['clientName' => 'Once'], ['idempotencyKey' => 'php-key-1']);
        self::assertSame($a->id, $b->id);
        $client->invitations->list([], ['headers' => ['X-Trace' => 'php'], 'timeout' => 5]);
        try {
            $client->invitations->list([], ['retries' => 1]);
            self::fail('an unknown option was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('retries', $e->param);
        }
        $this->sandbox()->fault('/v1/invitations', ['kind' => 'delay', 'ms' => 1500], 'GET');
        $this->expectException(\Zavudev\APITimeoutError::class);
        $client->invitations->list([], ['timeout' => 0.2, 'maxRetries' => 0]);
    }

    public function testClientOptionsAndConstruction(): void
    {
        $client = $this->client(timeout: 12.5, maxRetries: 4, defaultHeaders: ['X-Team' => 'a']);
        self::assertSame($this->sandbox()->baseUrl, $client->baseUrl());
        self::assertSame(12.5, $client->timeout());
        self::assertSame(4, $client->maxRetries());
        self::assertMatchesRegularExpression('~^\d+\.\d+\.\d+~', Client::version());
        // One version everywhere: the extension's (core's) is the Composer package's.
        self::assertSame(\json_decode((string) \file_get_contents(\dirname(__DIR__, 2) . '/composer.json'), true)['version'], Client::version());
        $before = $client->stats()['requests'];
        $client->invitations->list();
        self::assertSame($before + 1, $client->stats()['requests']);
        self::assertSame(['baseUrl' => $this->sandbox()->baseUrl, 'timeout' => 12.5, 'maxRetries' => 4], $client->__debugInfo());

        $key = \getenv('ZAVUDEV_API_KEY');
        \putenv('ZAVUDEV_API_KEY');
        try {
            // What the guide passes when the variable is unset: getenv() gives false.
            new Client(apiKey: \getenv('ZAVUDEV_API_KEY'), baseUrl: $this->sandbox()->baseUrl);
            self::fail('a client without a key was built');
        } catch (AuthenticationError $e) {
            self::assertSame('missing_api_key', $e->code);
        } finally {
            if ($key !== false) {
                \putenv("ZAVUDEV_API_KEY=$key");
            }
        }
        \putenv('ZAVUDEV_API_KEY=' . $this->sandbox()->apiKey());
        \putenv('ZAVUDEV_BASE_URL=' . $this->sandbox()->baseUrl);
        try {
            $fromEnv = new Client(apiKey: \getenv('ZAVUDEV_API_KEY'));
            self::assertSame($this->sandbox()->baseUrl, $fromEnv->baseUrl());
            self::assertSame('pending', $fromEnv->invitations->create()->status);
        } finally {
            \putenv('ZAVUDEV_API_KEY');
            \putenv('ZAVUDEV_BASE_URL');
        }
        try {
            new Client(apiKey: 'k', baseUrl: 'http://sandbox.internal:8080');
            self::fail('plain http to another host was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('baseUrl', $e->param);
        }
        self::assertSame('http://sandbox.internal:8080', (new Client(apiKey: 'k', baseUrl: 'http://sandbox.internal:8080', allowInsecureHttp: true))->baseUrl());
    }

    /** Issue 12: the message names the option as PHP spells it (core's message text). */
    public function testTheInsecureHttpMessageNamesThePhpOption(): void
    {
        try {
            new Client(apiKey: 'k', baseUrl: 'http://sandbox.internal:8080');
            self::fail('plain http to another host was accepted');
        } catch (InvalidRequestError $e) {
            self::assertStringContainsString('allowInsecureHttp', $e->getMessage());
        }
    }

    public function testClientsWithTheSameOptionsShareOnePool(): void
    {
        $a = $this->client(maxRetries: 3);
        $b = $this->client(maxRetries: 3);
        $before = $b->stats()['requests'];
        $a->invitations->list();
        self::assertSame($before + 1, $b->stats()['requests']);
        $own = $this->client(maxRetries: 3, shareConnections: false);
        self::assertSame(0, $own->stats()['requests']);
    }

    public function testClose(): void
    {
        $client = $this->client(maxRetries: 7);
        $client->invitations->list();
        $client->close();
        self::assertTrue($client->isClosed());
        try {
            $client->invitations->list();
            self::fail('a closed client sent a request');
        } catch (ClientClosedError $e) {
            self::assertSame('client_closed', $e->code);
        }
        // A client built afterwards with the same options gets a new pool.
        $again = $this->client(maxRetries: 7);
        self::assertFalse($again->isClosed());
        $again->invitations->list();
    }
}
