<?php

declare(strict_types=1);

namespace Zavudev\Tests\Support;

use PHPUnit\Framework\TestCase;
use Zavudev\Client;

/** Tests that share one sandbox per test class, emptied before each test. */
abstract class SandboxTestCase extends TestCase
{
    protected static ?Sandbox $sandbox = null;

    public static function setUpBeforeClass(): void
    {
        self::$sandbox = new Sandbox();
    }

    public static function tearDownAfterClass(): void
    {
        self::$sandbox?->stop();
        self::$sandbox = null;
    }

    protected function setUp(): void
    {
        self::$sandbox->reset();
    }

    protected function sandbox(): Sandbox
    {
        return self::$sandbox;
    }

    protected function client(mixed ...$options): Client
    {
        return new Client(...\array_merge(['apiKey' => $this->sandbox()->apiKey(), 'baseUrl' => $this->sandbox()->baseUrl], $options));
    }
}
