<?php

declare(strict_types=1);

// The fault soak's PHP runner: the workload of tests/soak/spec.json, sequential calls in a few
// forked processes (PHP's usual shape: one request at a time per worker). Run by
// tests/soak/soak.py, which sets the sandbox's faults up and checks the record this writes; see
// that file for the environment and the counting rules. PHP has no way to cancel a call from the
// host, so `host_cancelled_create` is an ordinary create here.

require __DIR__ . '/autoload.php';

$spec = \json_decode((string) \file_get_contents((string) \getenv('ZAVU_SOAK_SPEC')), true)['soak'];
$label = (string) \getenv('ZAVU_SOAK_LABEL');
$deadline = \microtime(true) + (float) \getenv('ZAVU_SOAK_SECONDS');
$recordPath = (string) \getenv('ZAVU_SOAK_RECORD');

function work(array $spec, string $label, int $w, float $deadline): array
{
    $client = new Zavudev\Client(
        apiKey: \getenv('ZAVU_SOAK_API_KEY'),
        baseUrl: \getenv('ZAVU_SOAK_BASE_URL'),
        timeout: $spec['client']['timeoutMs'] / 1000,
        maxRetries: $spec['client']['maxRetries'],
    );
    $r = ['calls' => 0, 'hangs' => 0, 'slowestMs' => 0, 'errors' => [], 'created' => [], 'failed' => [],
          'cancelled' => [], 'retried' => [], 'retryFailed' => []];
    $mine = [];
    $ops = $spec['ops'];
    for ($i = 0; \microtime(true) < $deadline; $i++) {
        $op = $ops[$i % \count($ops)];
        $name = "soak-$label-$w-$i";
        if ($op === 'cancel' && $mine === []) {
            continue;
        }
        $started = \microtime(true);
        try {
            if ($op === 'create' || $op === 'host_cancelled_create') {
                try {
                    $id = $client->invitations->create(['clientName' => $name])->id;
                } catch (Zavudev\ZavudevError $e) {
                    $r['failed'][] = $name;
                    throw $e;
                }
                $r['created'][$name] = $id;
                $mine[] = $id;
            } elseif ($op === 'read') {
                $mine === []
                    ? $client->invitations->list(['limit' => $spec['listLimit']])
                    : $client->invitations->get($mine[\count($mine) - 1]);
            } else {
                $client->invitations->cancel(\array_pop($mine));
            }
        } catch (Zavudev\ZavudevError $e) {
            $r['errors'][$e->code] = ($r['errors'][$e->code] ?? 0) + 1;
        }
        $elapsed = (int) ((\microtime(true) - $started) * 1000);
        $r['calls']++;
        $r['slowestMs'] = \max($r['slowestMs'], $elapsed);
        $r['hangs'] += $elapsed > $spec['callBoundMs'] ? 1 : 0;
    }
    return $r;
}

$children = [];
for ($w = 0; $w < $spec['workers'][$label]; $w++) {
    $pid = \pcntl_fork();
    if ($pid === 0) {
        \file_put_contents("$recordPath.$w", \json_encode(work($spec, $label, $w, $deadline)));
        exit(0);
    }
    $children[$w] = $pid;
}
$all = ['calls' => 0, 'hangs' => 0, 'slowestMs' => 0, 'errors' => new \stdClass(), 'created' => new \stdClass(),
        'failed' => [], 'cancelled' => [], 'retried' => new \stdClass(), 'retryFailed' => []];
foreach ($children as $w => $pid) {
    \pcntl_waitpid($pid, $status);
    if (!\pcntl_wifexited($status) || \pcntl_wexitstatus($status) !== 0) {
        \fwrite(\STDERR, "soak_runner.php: worker $w failed\n");
        exit(1);
    }
    $r = \json_decode((string) \file_get_contents("$recordPath.$w"), true);
    \unlink("$recordPath.$w");
    $all['calls'] += $r['calls'];
    $all['hangs'] += $r['hangs'];
    $all['slowestMs'] = \max($all['slowestMs'], $r['slowestMs']);
    foreach ($r['errors'] as $code => $n) {
        $all['errors']->$code = ($all['errors']->$code ?? 0) + $n;
    }
    foreach ($r['created'] as $name => $id) {
        $all['created']->$name = $id;
    }
    $all['failed'] = \array_merge($all['failed'], $r['failed']);
}
\file_put_contents($recordPath, \json_encode($all));
