<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use Zavudev\Client;
use Zavudev\InvalidRequestError;
use Zavudev\Invitation;
use Zavudev\NotFoundError;
use Zavudev\Page;
use Zavudev\PhoneNumber;
use Zavudev\RawResponse;
use Zavudev\Tests\Support\SandboxTestCase;

/** Issue 17 in PHP against a real sandbox: withRawResponse, withOptions / copy, option checks. */
final class MigrationFeaturesTest extends SandboxTestCase
{
    public function testWithRawResponse(): void
    {
        $client = $this->client();
        $response = $client->invitations->withRawResponse->create(['clientName' => 'Acme Corp']);
        self::assertInstanceOf(RawResponse::class, $response);
        self::assertSame(200, $response->statusCode);
        self::assertSame(200, $response->getStatusCode());
        self::assertNotNull($response->requestId);
        self::assertSame($response->requestId, $response->getHeader('X-Request-Id'));
        self::assertSame($response->requestId, $response->headers['x-request-id']);
        self::assertNotNull($response->rateLimit['remaining']);
        self::assertNotNull($response->rateLimit['limit']);
        self::assertSame((string) $response->rateLimit['remaining'], $response->getHeader('x-ratelimit-remaining'));
        self::assertNotNull($response->getHeader('x-ratelimit-reset'));
        self::assertSame(1, $response->attempts);
        $invitation = $response->parse();
        self::assertInstanceOf(Invitation::class, $invitation);
        self::assertSame('Acme Corp', $invitation->clientName);

        // The method form, per-call options passed through, a page, every resource.
        $page = $client->invitations->withRawResponse()->list(['limit' => 1], ['maxRetries' => 0]);
        self::assertSame(200, $page->statusCode);
        self::assertInstanceOf(Page::class, $page->parse());
        self::assertCount(1, $page->parse()->items);
        $found = $client->phoneNumbers->withRawResponse->searchAvailable(['countryCode' => 'US', 'limit' => 1]);
        self::assertSame(200, $found->statusCode);
        self::assertCount(1, $found->parse());
        self::assertSame(200, $client->senders->withRawResponse->list()->statusCode);

        // Two raw calls never share a record; a plain call after them records nothing.
        $first = $client->invitations->withRawResponse->get($invitation->id);
        $second = $client->invitations->withRawResponse->get($invitation->id);
        self::assertNotSame($first->requestId, $second->requestId);
        self::assertSame($invitation->id, $client->invitations->get($invitation->id)->id);

        try {
            $client->invitations->withRawResponse->get('inv_missing');
            self::fail('a missing invitation was found');
        } catch (NotFoundError $e) {
            self::assertNotNull($e->requestId);
        }
        try {
            $client->invitations->withRawResponse->noSuchMethod();
            self::fail('an unknown method was called');
        } catch (\BadMethodCallException) {
        }
        try {
            $client->invitations->withRawResponse->create(['clientName' => 7]);
            self::fail('a bad parameter was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('clientName', $e->param);
        }
    }

    public function testWithOptionsAndCopy(): void
    {
        $client = $this->client();
        $mine = $client->invitations->create(['clientName' => 'Acme Corp']);
        $other = $client->withOptions(apiKey: $this->sandbox()->otherKey(), maxRetries: 0, timeout: 5);
        self::assertInstanceOf(Client::class, $other);
        self::assertSame(0, $other->maxRetries());
        self::assertEqualsWithDelta(5.0, $other->timeout(), 1e-9);
        self::assertSame($client->baseUrl(), $other->baseUrl());
        try {
            $other->invitations->get($mine->id);
            self::fail('another team read the invitation');
        } catch (NotFoundError) {
        }
        self::assertSame($mine->id, $client->invitations->get($mine->id)->id);
        self::assertSame(2, $client->maxRetries());
        self::assertSame(1, $client->copy(maxRetries: 1)->maxRetries());
        // The derived client has every resource, raw responses included.
        self::assertSame(200, $client->copy(timeout: 30)->phoneNumbers->withRawResponse->list()->statusCode);

        $headers = $client->withOptions(defaultHeaders: ['X-Team' => 'blue']);
        $headers->invitations->list();
        $logged = $this->sandbox()->requests('/v1/invitations');
        self::assertSame('GET', $logged[\count($logged) - 1]['method']);

        // Closing a derived client leaves the original working.
        $derived = $client->copy(maxRetries: 1);
        $derived->close();
        self::assertTrue($derived->isClosed());
        self::assertFalse($client->isClosed());
        self::assertSame($mine->id, $client->invitations->get($mine->id)->id);

        $before = \count($this->sandbox()->requests());
        foreach ([
            'timeout' => fn () => $client->withOptions(timeout: -1),
            'maxRetries' => fn () => $client->withOptions(maxRetries: 1.5),
            'baseUrl' => fn () => $client->withOptions(baseUrl: 'not a url'),
            'apiKey' => fn () => $client->withOptions(apiKey: ['k']),
            'defaultHeaders' => fn () => $client->withOptions(defaultHeaders: 'X: y'),
        ] as $param => $bad) {
            try {
                $bad();
                self::fail("a bad {$param} was accepted");
            } catch (InvalidRequestError $e) {
                self::assertSame($param, $e->param);
            }
        }
        self::assertSame($before, \count($this->sandbox()->requests()));
    }

    public function testThePublishedOptionNames(): void
    {
        // `extraQueryParams` / `extraBodyParams` are the published PHP SDK's names.
        $inv = $this->client()->invitations->create(['clientName' => 'Acme Corp'], [
            'extraQueryParams' => ['trace' => 'xyz'],
            'extraBodyParams' => ['clientName' => 'From extra body'],
        ]);
        self::assertSame('From extra body', $inv->clientName);
        $logged = $this->sandbox()->requests('/v1/invitations');
        self::assertStringContainsString('trace=xyz', $logged[\count($logged) - 1]['query']);
        try {
            $this->client()->invitations->create([], ['extraQueryParams' => ['a' => ['b']]]);
            self::fail('a nested query value was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('extraQueryParams', $e->param);
        }
    }

    public function testNamedArgumentsAreParameters(): void
    {
        $client = $this->client();
        $inv = $client->invitations->create(clientName: 'Acme Corp', expiresInDays: 3, requestOptions: ['maxRetries' => 0]);
        self::assertSame('Acme Corp', $inv->clientName);
        // Named arguments win over the array, as a later key would.
        self::assertSame('Named', $client->invitations->create(['clientName' => 'Array'], null, clientName: 'Named')->clientName);
        self::assertCount(1, $client->invitations->list(limit: 1)->items);
        $found = $client->phoneNumbers->searchAvailable(countryCode: 'US', limit: 1);
        self::assertCount(1, $found);
        $bought = $client->phoneNumbers->purchase(phoneNumber: $found[0]->phoneNumber, name: 'Support');
        self::assertSame('Sales', $client->phoneNumbers->update($bought->id, name: 'Sales')->name);
        self::assertNull($client->phoneNumbers->update($bought->id, name: null)->name);
        self::assertSame(200, $client->phoneNumbers->raw->list(limit: 5)->statusCode);
        try {
            $client->invitations->create(clientName: 7);
            self::fail('a bad named parameter was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('clientName', $e->param);
        }
        try {
            $client->invitations->create(noSuchField: 'x');
            self::fail('an unknown named parameter was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('noSuchField', $e->param);
        }
    }

    public function testModelsATestCanBuild(): void
    {
        $number = PhoneNumber::fromArray(['id' => 'pn_1', 'phoneNumber' => '+15551234567', 'name' => 'Support']);
        self::assertSame('Support', $number->name);
        $response = new RawResponse($number, 201, ['x-request-id' => 'req_1'], 'req_1');
        self::assertSame($number, $response->parse());
        self::assertSame('req_1', $response->getHeader('X-REQUEST-ID'));
        self::assertNull($response->rateLimit['remaining']);
    }
}
