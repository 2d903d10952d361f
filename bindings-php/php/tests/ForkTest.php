<?php

declare(strict_types=1);

namespace Zavudev\Tests;

use Zavudev\Tests\Support\SandboxTestCase;

/**
 * `pcntl_fork` after the client was used (a forking job runner): the extension resets core's
 * runtime in the child (its `pthread_atfork` handler), so calls in the child work instead of
 * hanging, and the parent keeps working.
 */
final class ForkTest extends SandboxTestCase
{
    public function testCallsWorkInAForkedChild(): void
    {
        if (!\function_exists('pcntl_fork')) {
            self::fail('pcntl is not available in this PHP (Debian\'s php-cli has it)');
        }
        $client = $this->client();
        $before = $client->invitations->create(['clientName' => 'Parent']);
        $pid = \pcntl_fork();
        self::assertNotSame(-1, $pid);
        if ($pid === 0) {
            // The child: a hang would be killed by the alarm (exit by SIGALRM, not 0).
            \pcntl_alarm(20);
            $status = 1;
            try {
                $same = $client->invitations->get($before->id);
                $fresh = $this->client(maxRetries: 1)->invitations->create(['clientName' => 'Child']);
                $status = ($same->id === $before->id && $fresh->clientName === 'Child') ? 0 : 3;
            } catch (\Throwable $e) {
                \fwrite(\STDERR, "child: $e\n");
                $status = 4;
            }
            // Leave with the status but without PHP's shutdown in the child: destructors there
            // would stop the parent's sandbox. Replacing the process image runs none of it.
            \pcntl_exec('/bin/sh', ['-c', "exit $status"]);
            exit(5);
        }
        \pcntl_waitpid($pid, $status);
        self::assertTrue(\pcntl_wifexited($status), 'the child did not exit by itself (hung, killed by the alarm?)');
        self::assertSame(0, \pcntl_wexitstatus($status));
        $names = \array_map(static fn ($i) => $i->clientName, $client->invitations->list()->items);
        self::assertSame(['Child', 'Parent'], $names);
    }
}
