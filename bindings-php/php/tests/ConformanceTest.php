<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use PHPUnit\Framework\TestCase;
use Zavudev\Client;
use Zavudev\Model;
use Zavudev\Page;
use Zavudev\ZavudevError;
use Zavudev\Tests\Support\Sandbox;

/**
 * The PHP runner of tests/conformance/: every scenario against a fresh sandbox through the
 * public API of the Composer package (the mirror of core/tests/conformance.rs), then the
 * hostile-arguments file with PHP's own bad values.
 */
final class ConformanceTest extends TestCase
{
    private static function dir(): string
    {
        return Sandbox::root() . '/tests/conformance';
    }

    /** @return array<string, array{string}> */
    public static function scenarios(): array
    {
        $files = \glob(self::dir() . '/scenarios/*.json');
        \sort($files);
        $out = [];
        foreach ($files as $file) {
            $out[\basename($file, '.json')] = [$file];
        }
        return $out;
    }

    public function testThereAreAtLeast30Scenarios(): void
    {
        self::assertGreaterThanOrEqual(30, \count(self::scenarios()));
    }

    /** @dataProvider scenarios */
    public function testScenario(string $file): void
    {
        $scenario = \json_decode((string) \file_get_contents($file), false, 512, \JSON_THROW_ON_ERROR);
        $sandbox = new Sandbox();
        try {
            $run = new ScenarioRun($sandbox, self::toArray($scenario->client ?? new \stdClass()));
            foreach ($scenario->steps as $index => $rawStep) {
                $run->step($index, $rawStep);
            }
        } finally {
            $sandbox->stop();
        }
        $this->addToAssertionCount(1);
    }

    /** A decoded JSON value with objects as PHP arrays (what a PHP caller passes). */
    public static function toArray(mixed $value): mixed
    {
        return \json_decode(\json_encode($value, \JSON_THROW_ON_ERROR | \JSON_PRESERVE_ZERO_FRACTION), true);
    }

    /** PHP's value for one kind of bad value (tests/conformance/README.md, Hostile arguments). */
    public static function badValue(string $type, string $bad): mixed
    {
        return match ("$type/$bad") {
            'integer/wrong_type' => '7',
            'integer/negative' => -1,
            'integer/fractional' => 2.5,
            'integer/nan', 'seconds/nan' => \NAN,
            'integer/infinite', 'seconds/infinite' => \INF,
            // PHP integers are 64-bit: 10**20 is a float in PHP too.
            'integer/too_large' => 1e20,
            'seconds/wrong_type' => '60',
            'seconds/negative' => -1.0,
            'seconds/too_large' => 1e300,
            'string/wrong_type' => 123,
            'string/empty' => '',
            'string/too_long' => \str_repeat('x', 100_000),
            'string_list/wrong_type' => 'US',
            'string_list/wrong_container' => ['US' => true],
            'string_list/wrong_item' => [123],
            'boolean/wrong_type' => 'yes',
            'headers/wrong_container' => ['X-A: 1'],
            'headers/wrong_item' => ['X-A' => 1],
            'body/wrong_type' => ['id' => 'evt_1'],
        };
    }

    public function testHostileArguments(): void
    {
        $file = \json_decode((string) \file_get_contents(self::dir() . '/hostile/arguments.json'), true, 512, \JSON_THROW_ON_ERROR);
        $sandbox = new Sandbox();
        $failures = [];
        $count = 0;
        try {
            foreach ($file['cases'] as $case) {
                foreach ($case['bad'] as $bad) {
                    $count++;
                    $value = self::badValue($case['type'], $bad);
                    $label = "{$case['call']} {$case['param']}={$case['type']}/$bad";
                    try {
                        self::hostileCall($sandbox, $case['call'], $case['args'] ?? [], $case['param'], $value);
                        $failures[] = "$label: accepted";
                    } catch (ZavudevError $e) {
                        $want = \zavudev_param_name($case['param']);
                        if ($e->code !== $file['expect']['code'] || $e->kind !== $file['expect']['kind'] || $e->param !== $want || !$e instanceof \Zavudev\InvalidRequestError) {
                            $failures[] = "$label: " . \get_class($e) . " code={$e->code} kind={$e->kind} param=" . \var_export($e->param, true) . ' message=' . \substr($e->getMessage(), 0, 200);
                        } elseif (\strlen($e->getMessage()) > 1000) {
                            $failures[] = "$label: a message of " . \strlen($e->getMessage()) . ' bytes';
                        }
                    } catch (\Throwable $e) {
                        $failures[] = "$label: " . \get_class($e) . ': ' . \substr($e->getMessage(), 0, 200);
                    }
                }
            }
            $requests = $sandbox->requests();
        } finally {
            $sandbox->stop();
        }
        self::assertSame(\array_sum(\array_map(static fn ($c) => \count($c["bad"]), $file["cases"])), $count);
        self::assertSame([], $failures, "hostile values not refused as invalid_request with PHP's param name");
        self::assertSame([], \array_map(static fn ($r) => ($r['method'] ?? '') . ' ' . \substr((string) ($r['path'] ?? ''), 0, 80), $requests), 'no request may reach the sandbox');
    }

    /** @param array<string,mixed> $args */
    private static function hostileCall(Sandbox $sandbox, string $call, array $args, string $param, mixed $value): void
    {
        $args[$param] = $value;
        if ($call === 'client.new') {
            new Client(...\array_merge(['apiKey' => $sandbox->apiKey(), 'baseUrl' => $sandbox->baseUrl, 'shareConnections' => false], $args));
            return;
        }
        $zavu = new Client(apiKey: $sandbox->apiKey(), baseUrl: $sandbox->baseUrl);
        match ($call) {
            'invitations.create' => $zavu->invitations->create($args),
            'invitations.list' => $zavu->invitations->list($args),
            'invitations.get' => $zavu->invitations->get($args['invitationId']),
            'invitations.cancel' => $zavu->invitations->cancel($args['invitationId']),
            'invitations.waitForCompletion' => $zavu->invitations->waitForCompletion(
                $args['invitationId'],
                timeout: $args['timeout'] ?? null,
                pollInterval: $args['pollInterval'] ?? null,
            ),
            'invitations.createWebhook' => $zavu->invitations->createWebhook($args),
            'invitations.updateWebhook' => $zavu->invitations->updateWebhook($args),
            'phoneNumbers.purchase' => $zavu->phoneNumbers->purchase($args),
            'senders.get' => $zavu->senders->get($args['senderId']),
            'senders.list' => $zavu->senders->list($args),
            'webhooks.unwrap' => $zavu->webhooks->unwrap($args['payload'], $args['signature'], $args['secret']),
            'webhooks.sign' => $zavu->webhooks->sign($args['payload'], $args['secret'], timestamp: $args['timestamp'] ?? null, scheme: $args['scheme'] ?? null),
        };
    }
}

/** One scenario's run: saved values, references, clients and calls. */
final class ScenarioRun
{
    /** @var array<string,mixed> */
    private array $saved = [];

    /** @param array<string,mixed> $clientOptions */
    public function __construct(private readonly Sandbox $sandbox, private readonly array $clientOptions)
    {
    }

    private function lookup(string $path): mixed
    {
        $parts = \explode('.', $path);
        $head = \array_shift($parts);
        $builtins = [
            'sandbox' => ['baseUrl' => $this->sandbox->baseUrl],
            'keys' => ['default' => $this->sandbox->keys[0], 'other' => $this->sandbox->keys[1]],
            'now' => \time(),
        ];
        if (\array_key_exists($head, $this->saved)) {
            $value = $this->saved[$head];
        } elseif (\array_key_exists($head, $builtins)) {
            $value = $builtins[$head];
        } else {
            throw new \RuntimeException("unknown reference \${{$path}}");
        }
        foreach ($parts as $part) {
            if (!\is_array($value) || !\array_key_exists($part, $value)) {
                throw new \RuntimeException("unknown reference \${{$path}}");
            }
            $value = $value[$part];
        }
        return $value;
    }

    /** Replaces `${...}` references; a string that is exactly one reference takes its type. */
    private function interpolate(mixed $value): mixed
    {
        if (\is_string($value)) {
            if (\preg_match('~^\$\{([^$]*)\}$~', $value, $m)) {
                return $this->lookup($m[1]);
            }
            return \preg_replace_callback('~\$\{([^}]*)\}~', function ($m) {
                $found = $this->lookup($m[1]);
                return \is_string($found) ? $found : \json_encode($found);
            }, $value);
        }
        if (\is_array($value)) {
            return \array_map(fn ($v) => $this->interpolate($v), $value);
        }
        if ($value instanceof \stdClass) {
            $out = new \stdClass();
            foreach (\get_object_vars($value) as $k => $v) {
                $out->{$k} = $this->interpolate($v);
            }
            return $out;
        }
        return $value;
    }

    /** @param array<string,mixed> $overrides */
    private function client(array $overrides): Client
    {
        $o = \array_merge($this->clientOptions, $overrides);
        return new Client(
            apiKey: $o['apiKey'] ?? $this->sandbox->apiKey(),
            baseUrl: $o['baseUrl'] ?? $this->sandbox->baseUrl,
            maxRetries: $o['maxRetries'] ?? null,
            timeout: isset($o['timeoutMs']) ? $o['timeoutMs'] / 1000 : null,
        );
    }

    /** @param array<string,mixed> $a */
    private function call(string $name, array $a, \stdClass $step): mixed
    {
        if ($name === 'client.new') {
            $this->client($a);
            return null;
        }
        $zavu = $this->client(ConformanceTest::toArray($step->client ?? new \stdClass()));
        $o = ConformanceTest::toArray($step->options ?? new \stdClass());
        $options = \array_filter([
            'timeout' => isset($o['timeoutMs']) ? $o['timeoutMs'] / 1000 : null,
            'maxRetries' => $o['maxRetries'] ?? null,
            'idempotencyKey' => $o['idempotencyKey'] ?? null,
        ], static fn ($v) => $v !== null);
        $inv = $zavu->invitations;
        $all = static function (iterable $items): array {
            $out = [];
            foreach ($items as $item) {
                $out[] = $item->toArray();
            }
            return ['items' => $out];
        };
        return match ($name) {
            'invitations.create' => $inv->create($a, $options)->toArray(),
            'invitations.list' => $inv->list($a, $options)->toArray(),
            'invitations.listAll' => $all($inv->list($a, $options)),
            'invitations.get' => $inv->get($a['invitationId'], $options)->toArray(),
            'invitations.cancel' => $inv->cancel($a['invitationId'], $options)->toArray(),
            'invitations.waitForCompletion' => $inv->waitForCompletion(
                $a['invitationId'],
                timeout: isset($a['timeoutMs']) ? $a['timeoutMs'] / 1000 : null,
                pollInterval: isset($a['pollIntervalMs']) ? $a['pollIntervalMs'] / 1000 : null,
                requestOptions: $options,
            )->toArray(),
            'invitations.createWebhook' => $inv->createWebhook($a, $options)->toArray(),
            'invitations.getWebhook' => $inv->getWebhook($options)->toArray(),
            'invitations.updateWebhook' => $inv->updateWebhook($a, $options)->toArray(),
            'invitations.deleteWebhook' => $inv->deleteWebhook($options),
            'phoneNumbers.purchase' => $zavu->phoneNumbers->purchase($a, $options)->toArray(),
            'phoneNumbers.searchAvailable' => ['items' => \array_map(static fn ($n) => $n->toArray(), $zavu->phoneNumbers->searchAvailable($a, $options))],
            'phoneNumbers.requirements' => ['items' => \array_map(static fn ($r) => $r->toArray(), $zavu->phoneNumbers->requirements($a, $options))],
            'phoneNumbers.list' => $zavu->phoneNumbers->list($a, $options)->toArray(),
            'phoneNumbers.listAll' => $all($zavu->phoneNumbers->list($a, $options)),
            'phoneNumbers.retrieve' => $zavu->phoneNumbers->retrieve($a['phoneNumberId'], $options)->toArray(),
            'phoneNumbers.update' => $zavu->phoneNumbers->update(
                $a['phoneNumberId'],
                \array_diff_key($a, ['phoneNumberId' => true]),
                $options,
            )->toArray(),
            'phoneNumbers.release' => $zavu->phoneNumbers->release($a['phoneNumberId'], $options),
            'senders.get' => $zavu->senders->get($a['senderId'], $options)->toArray(),
            'senders.list' => $zavu->senders->list($a, $options)->toArray(),
            'senders.listAll' => $all($zavu->senders->list($a, $options)),
            'webhooks.sign' => ['header' => $zavu->webhooks->sign($a['payload'], $a['secret'], timestamp: $a['timestamp'] ?? null, scheme: $a['scheme'] ?? null)],
            'webhooks.verify' => $zavu->webhooks->verify($a['payload'], $a['headers'] ?? $a['signature'], $a['secret'], now: $a['now'] ?? null),
            'webhooks.unwrap' => $zavu->webhooks->unwrap($a['payload'], $a['headers'] ?? $a['signature'], $a['secret'], now: $a['now'] ?? null)->toArray(),
        };
    }

    public function step(int $index, \stdClass $rawStep): void
    {
        $step = $this->interpolate($rawStep);
        $expect = $step->expect ?? new \stdClass();
        $label = "step $index";
        $started = \microtime(true);
        if (isset($step->sandbox)) {
            [$status, $body] = $this->sandbox->request($step->sandbox->method ?? 'GET', $step->sandbox->path, isset($step->sandbox->body) ? ConformanceTest::toArray($step->sandbox->body) : null);
            $wanted = $expect->status ?? null;
            if ($wanted !== null ? $wanted !== $status : ($status < 200 || $status >= 300)) {
                throw new \RuntimeException("$label: sandbox answered $status: " . \json_encode($body));
            }
            $outcome = ['ok' => true, 'value' => $body];
        } else {
            try {
                $outcome = ['ok' => true, 'value' => $this->call($step->call, ConformanceTest::toArray($step->args ?? new \stdClass()) ?? [], $step)];
            } catch (ZavudevError $e) {
                $outcome = ['ok' => false, 'error' => [
                    'code' => $e->code, 'message' => $e->getMessage(), 'status' => $e->status,
                    'param' => $e->param, 'kind' => $e->kind, 'body' => $e->body,
                ]];
            }
        }
        $elapsedMs = (\microtime(true) - $started) * 1000;
        if (isset($expect->minElapsedMs) && $elapsedMs < $expect->minElapsedMs) {
            throw new \RuntimeException("$label: took $elapsedMs ms, expected at least {$expect->minElapsedMs} ms");
        }
        if ($outcome['ok'] && isset($expect->error)) {
            throw new \RuntimeException("$label: expected error " . \json_encode($expect->error) . ', got success ' . \json_encode($outcome['value']));
        }
        if (!$outcome['ok'] && !isset($expect->error)) {
            throw new \RuntimeException("$label: unexpected error " . \json_encode($outcome['error']));
        }
        try {
            if (!$outcome['ok']) {
                Matcher::match($expect->error, $outcome['error'], 'error');
            } elseif (\property_exists($expect, 'result')) {
                Matcher::match($expect->result, $outcome['value'], 'result');
            }
        } catch (\RuntimeException $e) {
            throw new \RuntimeException("$label: {$e->getMessage()}; got " . \json_encode($outcome['ok'] ? $outcome['value'] : $outcome['error']));
        }
        if (isset($step->save) && $outcome['ok']) {
            $this->saved[$step->save] = $outcome['value'];
        }
    }
}

/** tests/conformance/README.md, Matching: `expected` as decoded with objects, `actual` as arrays. */
final class Matcher
{
    public static function match(mixed $expected, mixed $actual, string $at): void
    {
        $fail = static function (string $why) use ($at): never {
            throw new \RuntimeException("at $at: $why");
        };
        if ($expected === '$any') {
            return;
        }
        if ($expected === '$present') {
            if ($actual === null) {
                $fail('expected a value, got nothing');
            }
            return;
        }
        if ($expected === '$absent') {
            if ($actual !== null) {
                $fail('expected nothing, got ' . \json_encode($actual));
            }
            return;
        }
        if (\is_array($expected)) {
            if (!\is_array($actual) || !\array_is_list($actual)) {
                $fail('expected an array, got ' . \json_encode($actual));
            }
            if (\count($actual) !== \count($expected)) {
                $fail('expected ' . \count($expected) . ' items, got ' . \count($actual));
            }
            foreach ($expected as $i => $e) {
                self::match($e, $actual[$i], "{$at}[$i]");
            }
            return;
        }
        if ($expected instanceof \stdClass) {
            $fields = \get_object_vars($expected);
            $special = \array_filter(\array_keys($fields), static fn ($k) => \str_starts_with((string) $k, '$'));
            if ($special !== []) {
                foreach ($fields as $key => $arg) {
                    switch ($key) {
                        case '$len':
                            $len = \is_array($actual) ? \count($actual) : (\is_string($actual) ? \mb_strlen($actual) : null);
                            if ($len !== $arg) {
                                $fail("expected length $arg, got " . \var_export($len, true));
                            }
                            break;
                        case '$minLen':
                            $len = \is_array($actual) ? \count($actual) : 0;
                            if ($len < $arg) {
                                $fail("expected at least $arg items, got $len");
                            }
                            break;
                        case '$startsWith':
                            if (!\is_string($actual) || !\str_starts_with($actual, $arg)) {
                                $fail('expected a string starting with ' . \json_encode($arg) . ', got ' . \json_encode($actual));
                            }
                            break;
                        case '$each':
                            foreach (\is_array($actual) ? $actual : [] as $i => $item) {
                                self::match($arg, $item, "{$at}[$i]");
                            }
                            break;
                        case '$sameField':
                            $items = \is_array($actual) ? $actual : [];
                            foreach ($items as $item) {
                                if (\json_encode($item[$arg] ?? null) !== \json_encode($items[0][$arg] ?? null)) {
                                    $fail("expected every $arg to be equal");
                                }
                            }
                            break;
                        default:
                            $fail("unknown matcher $key");
                    }
                }
                return;
            }
            foreach ($fields as $key => $value) {
                self::match($value, \is_array($actual) ? ($actual[$key] ?? null) : null, "$at.$key");
            }
            return;
        }
        if ($expected === null) {
            if ($actual !== null) {
                $fail('expected null, got ' . \json_encode($actual));
            }
            return;
        }
        if ((\is_int($expected) || \is_float($expected)) && (\is_int($actual) || \is_float($actual))) {
            if ($expected != $actual) {
                $fail("expected $expected, got $actual");
            }
            return;
        }
        if ($expected !== $actual) {
            $fail('expected ' . \json_encode($expected) . ', got ' . \json_encode($actual));
        }
    }
}
