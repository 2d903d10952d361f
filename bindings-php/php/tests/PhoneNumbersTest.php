<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use Zavudev\AvailablePhoneNumber;
use Zavudev\Client;
use Zavudev\InvalidRequestError;
use Zavudev\NotFoundError;
use Zavudev\PhoneNumber;
use Zavudev\PhoneNumberCapabilities;
use Zavudev\Requirement;
use Zavudev\Tests\Support\SandboxTestCase;

/** Issue 17 in PHP: the phone-number onboarding steps and per-call extra query / body. */
final class PhoneNumbersTest extends SandboxTestCase
{
    public function testTheOnboardingSteps(): void
    {
        $numbers = $this->client()->phoneNumbers;
        $found = $numbers->searchAvailable(['countryCode' => 'US', 'limit' => 3]);
        self::assertNotEmpty($found);
        self::assertLessThanOrEqual(3, \count($found));
        self::assertInstanceOf(AvailablePhoneNumber::class, $found[0]);
        self::assertInstanceOf(PhoneNumberCapabilities::class, $found[0]->capabilities);
        self::assertStringStartsWith('+1', $found[0]->phoneNumber);
        foreach ($numbers->requirements(['phoneNumber' => $found[0]->phoneNumber]) as $requirement) {
            self::assertInstanceOf(Requirement::class, $requirement);
        }

        $bought = $numbers->purchase(['phoneNumber' => $found[0]->phoneNumber, 'name' => 'Support']);
        self::assertSame('Support', $numbers->get($bought->id)->name);
        self::assertSame('Sales', $numbers->update($bought->id, ['name' => 'Sales'])->name);
        self::assertNull($numbers->update($bought->id, ['name' => null])->name);
        $ids = [];
        foreach ($numbers->list() as $number) {
            self::assertInstanceOf(PhoneNumber::class, $number);
            $ids[] = $number->id;
        }
        self::assertSame([$bought->id], $ids);
        $other = new Client(apiKey: $this->sandbox()->otherKey(), baseUrl: $this->sandbox()->baseUrl);
        try {
            $other->phoneNumbers->get($bought->id);
            self::fail('another team read the number');
        } catch (NotFoundError) {
        }
        $numbers->release($bought->id);
        self::assertSame([], $numbers->list()->items);

        try {
            $numbers->searchAvailable(['countryCode' => 'usa']);
            self::fail('a bad country was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('countryCode', $e->param);
        }
    }

    public function testPerCallExtraQueryAndBody(): void
    {
        $inv = $this->client()->invitations->create(['clientName' => 'Acme Corp'], [
            'extraHeaders' => ['User-Agent' => 'migrating-app/1.0'],
            'extraQuery' => ['trace' => 'abc'],
            'extraBody' => ['clientName' => 'From extra body'],
        ]);
        // The escape hatch wins over the method's own field, as in the published SDKs.
        self::assertSame('From extra body', $inv->clientName);
        $logged = $this->sandbox()->requests('/v1/invitations');
        $last = $logged[\count($logged) - 1];
        self::assertSame('migrating-app/1.0', $last['userAgent']);
        self::assertStringContainsString('trace=abc', $last['query']);

        $before = \count($this->sandbox()->requests());
        foreach ([['extraBody' => 'x'], ['extraBody' => ['a' => new \stdClass()]], ['extraQuery' => ['a' => ['b']]]] as $bad) {
            try {
                $this->client()->invitations->create([], $bad);
                self::fail('accepted ' . \json_encode($bad));
            } catch (InvalidRequestError $e) {
                self::assertSame(\array_key_first($bad), $e->param);
            }
        }
        try {
            $this->client()->invitations->get($inv->id, ['extraBody' => ['a' => 1]]);
            self::fail('a body on a GET was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('extraBody', $e->param);
        }
        self::assertSame($before, \count($this->sandbox()->requests()));
    }
}
