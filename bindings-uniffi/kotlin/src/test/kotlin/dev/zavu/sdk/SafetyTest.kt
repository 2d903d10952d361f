package dev.zavu.sdk

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlin.test.fail

/**
 * Binding safety: a panic inside core is a `ZavuException.Internal` (never an abort of the JVM),
 * and a coroutine cancelled mid-call or a client closed while another coroutine's call is in
 * flight end cleanly.
 *
 * The panic is forced through core's `test-panic` feature (run-tests.sh builds libzavu_uniffi
 * with it): any call whose path contains `__zavu_test_panic__` panics inside core.
 */
class SafetyTest {
    private lateinit var sandbox: Sandbox
    private lateinit var zavu: ZavuClient

    @BeforeEach
    fun start() {
        sandbox = Sandbox()
        zavu = sandbox.client()
    }

    @AfterEach
    fun stop() {
        zavu.close()
        sandbox.close()
    }

    private suspend fun forcedPanic(client: ZavuClient = zavu): ZavuException.Internal =
        try {
            client.invitations().get(PANIC_ID)
            fail("the call meant to panic returned normally")
        } catch (e: ZavuException.Internal) {
            e
        } catch (e: ZavuException.NotFound) {
            fail(
                "the call meant to panic answered not_found: libzavu_uniffi was built without the " +
                    "`test-panic` feature (bindings-uniffi/run-tests.sh builds it with " +
                    "`cargo build -p zavu-uniffi --features test-panic`)",
            )
        }

    private fun delayNextGet(ms: Int) {
        sandbox.control(
            "POST",
            "/sandbox/faults",
            mapOf(
                "path" to "/v1/invitations/*",
                "method" to "GET",
                "count" to 1,
                "fault" to mapOf("kind" to "delay", "ms" to ms),
            ),
        )
    }

    @Test
    fun `a panic inside core is ZavuException Internal and the same client goes on`() = runBlocking {
        val e = forcedPanic()
        assertEquals("internal_panic", e.code)
        assertEquals(ErrorKind.INTERNAL, e.kind())
        assertNull(e.status)
        assertContains(e.errorMessage, "forced panic")
        for (text in listOf(e.toString(), e.errorMessage, e.message ?: "")) {
            assertTrue(sandbox.apiKey !in text, text)
        }
        // The same client, at once and alongside more panics from other threads.
        val created = zavu.invitations().create(CreateInvitationParams(clientName = "After the panic"))
        val outcomes = (1..8).map { n ->
            async(Dispatchers.Default) {
                if (n % 2 == 0) forcedPanic().code else zavu.invitations().get(created.id).id
            }
        }.awaitAll()
        assertEquals(List(4) { listOf(created.id, "internal_panic") }.flatten(), outcomes)
    }

    @Test
    fun `cancelling a coroutine mid-call leaves the client working`() = runBlocking {
        val invitation = zavu.invitations().create()
        delayNextGet(1500)
        val job = launch(Dispatchers.Default) { zavu.invitations().get(invitation.id) }
        delay(300)
        withTimeout(2_000) {
            job.cancel()
            job.join()
        }
        assertTrue(job.isCancelled)
        assertEquals(invitation.id, zavu.invitations().get(invitation.id).id)
    }

    @Test
    fun `closing the client while another coroutine's call is in flight ends cleanly`() = runBlocking {
        val client = sandbox.client()
        val invitations = client.invitations()
        val invitation = invitations.create()
        delayNextGet(1500)
        val inFlight = async(Dispatchers.IO) {
            runCatching { invitations.get(invitation.id) }
        }
        delay(300)
        // Both the client and the resource object the call runs on.
        client.close()
        invitations.close()
        val outcome = withTimeout(10_000) { inFlight.await() }
        // It completes or fails with a ZavuException; nothing else (and no crash).
        outcome.exceptionOrNull()?.let { assertTrue(it is ZavuException, "unexpected $it") }
        outcome.getOrNull()?.let { assertEquals(invitation.id, it.id) }
        // Using a closed object is a plain Kotlin error, not a crash.
        assertFailsWith<IllegalStateException> { client.invitations() }
        assertFailsWith<IllegalStateException> { invitations.get(invitation.id) }
        // Other clients on the same library are unaffected.
        assertEquals(invitation.id, zavu.invitations().get(invitation.id).id)
    }

    private companion object {
        const val PANIC_ID = "__zavu_test_panic__"
    }
}
