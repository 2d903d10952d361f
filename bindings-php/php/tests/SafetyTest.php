<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use Zavudev\InternalError;
use Zavudev\Tests\Support\SandboxTestCase;

/**
 * A panic inside core becomes an `InternalError` (code `internal_panic`) in PHP, never an abort of
 * the PHP process, and the client keeps working. run-tests.sh builds the tested extension with
 * the `test-panic` feature, which makes core panic on the id `__zavu_test_panic__`; the packed
 * extension (DistTest) is built without it.
 */
final class SafetyTest extends SandboxTestCase
{
    public function testAPanicInsideCoreIsAnInternalError(): void
    {
        $client = $this->client();
        try {
            $client->invitations->get('__zavu_test_panic__');
            self::fail('no panic: run with the extension built with --features test-panic (run-tests.sh does)');
        } catch (InternalError $e) {
            self::assertSame('internal_panic', $e->code);
            self::assertStringContainsString('please report it', $e->getMessage());
        }
        self::assertSame('pending', $client->invitations->create()->status);
    }
}
