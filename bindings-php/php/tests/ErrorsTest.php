<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use Zavudev\APIConnectionError;
use Zavudev\Client;
use Zavudev\InvalidRequestError;
use Zavudev\NotFoundError;
use Zavudev\RateLimitError;
use Zavudev\UnprocessableEntityError;
use Zavudev\ZavudevError;
use Zavudev\Tests\Support\SandboxTestCase;

/** The error class tree, its fields, and what PHP shows of an error. */
final class ErrorsTest extends SandboxTestCase
{
    /** @return list<array{name: string, parent: ?string, kind: ?string, aliases: list<string>}> */
    private static function table(): array
    {
        return \json_decode(\zavudev_error_classes(), true, 512, \JSON_THROW_ON_ERROR);
    }

    public function testTheClassesAreCoresTable(): void
    {
        $declared = [];
        foreach (\glob(\dirname(__DIR__) . '/src/*.php') as $file) {
            $class = 'Zavudev\\' . \basename($file, '.php');
            if (\class_exists($class) && \is_a($class, \Throwable::class, true)) {
                $declared[] = \substr($class, 8);
            }
        }
        $table = self::table();
        self::assertEqualsCanonicalizing(\array_column($table, 'name'), $declared, 'the PHP error classes are exactly core\'s ERROR_CLASSES');
        foreach ($table as $row) {
            $class = 'Zavudev\\' . $row['name'];
            $parent = \get_parent_class($class);
            self::assertSame($row['parent'] === null ? \Exception::class : 'Zavudev\\' . $row['parent'], $parent, $row['name']);
            foreach ($row['aliases'] as $alias) {
                self::assertTrue(\class_exists("Zavudev\\$alias", false), "alias $alias is defined once the package is loaded");
                self::assertSame($class, (new \ReflectionClass("Zavudev\\$alias"))->getName());
            }
        }
        // The guide's name for the root.
        self::assertSame(ZavudevError::class, (new \ReflectionClass('Zavudev\Error'))->getName());
    }

    public function testEveryKindIsRaisedAsItsClass(): void
    {
        foreach (self::table() as $row) {
            if ($row['kind'] === null) {
                continue;
            }
            $class = 'Zavudev\\' . $row['name'];
            $error = \Zavudev\Internal\Native::error(['class' => $row['name'], 'kind' => $row['kind'], 'code' => 'x', 'message' => 'm']);
            self::assertInstanceOf($class, $error);
            self::assertSame($class, \get_class($error));
        }
    }

    public function testKnownCodesComeFromCore(): void
    {
        $codes = \zavudev_known_codes();
        self::assertSame($codes, ZavudevError::knownCodes());
        foreach (['not_found', 'invalid_request', 'phone_number_wrong_team', 'already_completed', 'missing_api_key', 'wait_timeout'] as $code) {
            self::assertContains($code, $codes);
        }
    }

    public function testTheGuidesComparisonAndFields(): void
    {
        $client = $this->client();
        $line = __LINE__ + 2;
        try {
            $client->invitations->create(['clientName' => 'Acme Corp', 'phoneNumberId' => 'pn_invalid']);
            self::fail('no error');
        } catch (\Zavudev\Error $e) {
            self::assertInstanceOf(NotFoundError::class, $e);
            self::assertInstanceOf(\Exception::class, $e);
            self::assertTrue($e->code === 'not_found');
            self::assertSame('not_found', $e->getCode());
            self::assertSame('Phone number not found', $e->getMessage());
            self::assertSame(404, $e->status);
            self::assertSame(404, $e->statusCode);
            self::assertSame('not_found', $e->kind);
            self::assertStringStartsWith('req_', (string) $e->requestId);
            self::assertStringContainsString('not_found', (string) $e->body);
            // File and line are the caller's; the trace runs through this test.
            self::assertSame(__FILE__, $e->getFile());
            self::assertSame($line, $e->getLine());
            self::assertStringContainsString(__FUNCTION__, $e->getTraceAsString());
            $text = "{$e}";
            self::assertStringStartsWith('Zavudev\NotFoundError: Phone number not found in ' . __FILE__ . ":$line", $text);
            self::assertSame(['class', 'code', 'message', 'status', 'param', 'retryAfter', 'requestId', 'kind', 'body'], \array_keys($e->toArray()));
        }
    }

    public function testLocalValidationNamesTheParameterAsTheGuideWritesIt(): void
    {
        $client = $this->client();
        $cases = [
            [['expiresInDays' => 31], 'expiresInDays'],
            [['clientEmail' => 'not-an-email'], 'clientEmail'],
            [['clientName' => 123], 'clientName'],
            [['allowedPhoneCountries' => 'US'], 'allowedPhoneCountries'],
            [['expiresInDays' => '7'], 'expiresInDays'],
            [['expiresInDays' => 2.5], 'expiresInDays'],
            [['clientNmae' => 'typo'], 'clientNmae'],
        ];
        foreach ($cases as [$params, $param]) {
            try {
                $client->invitations->create($params);
                self::fail("accepted $param");
            } catch (InvalidRequestError $e) {
                self::assertSame('invalid_request', $e->code);
                self::assertSame($param, $e->param, $e->getMessage());
                self::assertNull($e->status);
                self::assertStringContainsString($param, $e->getMessage());
            }
        }
        try {
            $client->phoneNumbers->purchase(['name' => 'no number']);
            self::fail('a purchase without a number was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('phoneNumber', $e->param);
        }
        try {
            $client->invitations->create('Acme Corp');
            self::fail('a string instead of the parameter array was accepted');
        } catch (InvalidRequestError $e) {
            self::assertSame('params', $e->param);
        }
        self::assertSame([], $this->sandbox()->requests(), 'a refused call sends nothing');
    }

    public function testServerErrorsByStatus(): void
    {
        $client = $this->client(maxRetries: 0);
        $this->sandbox()->fault('/v1/invitations', ['kind' => 'status', 'status' => 429, 'headers' => ['Retry-After' => '7', 'retry-after-ms' => '7000']], 'GET');
        try {
            $client->invitations->list();
            self::fail('no error');
        } catch (RateLimitError $e) {
            self::assertSame('rate_limited', $e->code);
            self::assertSame(7.0, $e->retryAfter);
        }
        $this->sandbox()->fault('/v1/invitations', ['kind' => 'status', 'status' => 422, 'body' => ['code' => 'invalid_request', 'message' => 'nope', 'param' => 'clientName']], 'POST');
        try {
            $client->invitations->create();
            self::fail('no error');
        } catch (UnprocessableEntityError $e) {
            self::assertInstanceOf(InvalidRequestError::class, $e);
            self::assertSame('clientName', $e->param);
        }
        $unreachable = new Client(apiKey: 'k', baseUrl: 'http://127.0.0.1:9', maxRetries: 0);
        try {
            $unreachable->invitations->list();
            self::fail('no error');
        } catch (APIConnectionError $e) {
            self::assertSame('connection_error', $e->code);
            self::assertSame('connection', $e->kind);
        }
    }
}
