<?php

declare(strict_types=1);

// Runs one benchmark workload in PHP and prints one JSON line (`{"rate": calls per second, ...}`).
//
//     php -d extension=DIST/zavudev.so workload.php --sdk ours|curl --workload get|list|request \
//         --base-url URL --dist DIST [--seconds S]
//
// `ours` is the Composer package over the extension (from dist.sh's output, DIST/zavudev-sdk);
// `curl` is the bare curl extension doing the same HTTP calls with no SDK: the floor a PHP
// application could reach by hand. Workloads:
//   get      one client (one curl handle), sequential gets of one invitation
//   list     the same, a 50-item page each
//   request  what one php-fpm request does: build a client (a curl handle), then one get

$options = getopt('', ['sdk:', 'workload:', 'base-url:', 'seconds:', 'dist:']);
$sdk = $options['sdk'] ?? 'ours';
$workload = $options['workload'] ?? 'get';
$baseUrl = rtrim($options['base-url'] ?? '', '/');
$seconds = (float) ($options['seconds'] ?? 10);
const API_KEY = 'zk_bench_key';
const INVITATION_ID = 'inv_bench_0001';
const WARMUP = 0.5;

if ($sdk === 'ours') {
    $src = ($options['dist'] ?? '') . '/zavudev-sdk/php/src/';
    spl_autoload_register(static function (string $class) use ($src): void {
        if (str_starts_with($class, 'Zavudev\\')) {
            $file = $src . str_replace('\\', '/', substr($class, 8)) . '.php';
            if (is_file($file)) {
                require $file;
            }
        }
    });
    require $src . 'aliases.php';
    $client = new Zavudev\Client(apiKey: API_KEY, baseUrl: $baseUrl);
    $calls = [
        'get' => static fn () => $client->invitations->get(INVITATION_ID)->id,
        'list' => static fn () => count($client->invitations->list()->items),
        'request' => static fn () => (new Zavudev\Client(apiKey: API_KEY, baseUrl: $baseUrl))->invitations->get(INVITATION_ID)->id,
    ];
} else {
    $headers = ['Authorization: Bearer ' . API_KEY, 'Accept: application/json'];
    $handle = curl_init();
    $fetch = static function ($handle, string $url) use ($headers): array {
        curl_setopt_array($handle, [CURLOPT_URL => $url, CURLOPT_HTTPHEADER => $headers, CURLOPT_RETURNTRANSFER => true]);
        $body = curl_exec($handle);
        if ($body === false || curl_getinfo($handle, CURLINFO_RESPONSE_CODE) !== 200) {
            throw new RuntimeException('curl: ' . curl_error($handle));
        }
        return json_decode($body, true, 512, JSON_THROW_ON_ERROR);
    };
    $calls = [
        'get' => static fn () => $fetch($handle, "$baseUrl/v1/invitations/" . INVITATION_ID)['invitation']['id'],
        'list' => static fn () => count($fetch($handle, "$baseUrl/v1/invitations")['items']),
        'request' => static function () use ($fetch, $baseUrl) {
            $own = curl_init();
            $id = $fetch($own, "$baseUrl/v1/invitations/" . INVITATION_ID)['invitation']['id'];
            curl_close($own);
            return $id;
        },
    ];
}

$call = $calls[$workload] ?? throw new InvalidArgumentException("unknown workload $workload");
$until = microtime(true) + WARMUP;
while (microtime(true) < $until) {
    $call();
}
$cpu = static function (): float {
    $usage = getrusage();
    return $usage['ru_utime.tv_sec'] + $usage['ru_utime.tv_usec'] / 1e6
        + $usage['ru_stime.tv_sec'] + $usage['ru_stime.tv_usec'] / 1e6;
};
$start = microtime(true);
$cpuStart = $cpu();
$until = $start + $seconds;
$count = 0;
while (microtime(true) < $until) {
    $call();
    $count++;
}
$elapsed = microtime(true) - $start;
$cpuSeconds = $cpu() - $cpuStart;
echo json_encode(['sdk' => $sdk, 'workload' => $workload, 'calls' => $count, 'seconds' => $elapsed, 'rate' => $count / $elapsed, 'cpu_s' => $cpuSeconds]), "\n";
