// Runs one benchmark workload with the Kotlin package and prints one JSON line
// {"calls", "seconds", "rate", "cpu_s"}, like the other languages' workload scripts:
//
//   java -cp ... dev.zavu.bench.MainKt --workload get|list --base-url URL [--seconds S]
//
// Each call is a `suspend` call awaited before the next, from one coroutine (runBlocking), and
// its result is read (`.id`, `items().size`). The JVM warms up longer than the other languages
// (2 s rather than 0.5 s) so the JIT has compiled the loop before the clock starts.
package dev.zavu.bench

import dev.zavu.sdk.ClientOptions
import dev.zavu.sdk.ListInvitationsParams
import dev.zavu.sdk.ZavuClient
import java.lang.management.ManagementFactory
import kotlinx.coroutines.runBlocking

private const val API_KEY = "zk_bench_key"
private const val INVITATION_ID = "inv_bench_0001"
private const val WARMUP_NANOS = 2_000_000_000L

/** User + system CPU time of the whole process (every thread), in nanoseconds. */
private fun cpuNanos(): Long =
    (ManagementFactory.getOperatingSystemMXBean() as com.sun.management.OperatingSystemMXBean).processCpuTime

fun main(args: Array<String>) {
    val options = args.toList().chunked(2).associate { (flag, value) -> flag to value }
    val workload = options["--workload"] ?: error("--workload is required")
    val baseUrl = options["--base-url"] ?: error("--base-url is required")
    val seconds = options["--seconds"]?.toDouble() ?: 10.0
    val client = ZavuClient(ClientOptions(apiKey = API_KEY, baseUrl = baseUrl))
    val invitations = client.invitations()
    val call: suspend () -> Int = when (workload) {
        "get" -> { -> invitations.get(invitationId = INVITATION_ID).id.length }
        "list" -> { -> invitations.list(ListInvitationsParams()).use { it.items().size } }
        else -> error("unknown workload $workload")
    }
    runBlocking {
        var until = System.nanoTime() + WARMUP_NANOS
        while (System.nanoTime() < until) check(call() > 0)
        val start = System.nanoTime()
        val cpu = cpuNanos()
        until = start + (seconds * 1e9).toLong()
        var calls = 0L
        while (System.nanoTime() < until) {
            check(call() > 0)
            calls += 1
        }
        val elapsed = (System.nanoTime() - start) / 1e9
        val cpuSeconds = (cpuNanos() - cpu) / 1e9
        println("{\"calls\": $calls, \"seconds\": $elapsed, \"rate\": ${calls / elapsed}, \"cpu_s\": $cpuSeconds, \"workload\": \"$workload\"}")
    }
    client.close()
}
