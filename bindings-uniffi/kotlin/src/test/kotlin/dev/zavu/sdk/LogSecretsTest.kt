package dev.zavu.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import java.io.File
import java.util.concurrent.TimeUnit
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertTrue

/**
 * Secrets never reach logs: a child JVM runs real calls (a create, a webhook with its secret, a
 * refused signature, a wrong key) with `ZAVUDEV_LOG=trace`, and its stderr (core's log) must hold
 * log lines but neither the API key nor the webhook secret, and no terminal colours (stderr is a
 * pipe here).
 */
class LogSecretsTest {
    @Test
    fun `trace logs hold no api key or webhook secret`() {
        Sandbox().use { sandbox ->
            val java = File(System.getProperty("java.home"), "bin/java").path
            val command = mutableListOf(java, "-cp", System.getProperty("java.class.path"))
            for (name in listOf("jna.library.path", "uniffi.component.zavu_uniffi.libraryOverride", "uniffi.component.zavu_core.libraryOverride")) {
                System.getProperty(name)?.let { command += "-D$name=$it" }
            }
            command += listOf(LogProbe::class.java.name, sandbox.baseUrl, sandbox.apiKey)
            val process = ProcessBuilder(command).apply { environment()["ZAVUDEV_LOG"] = "trace" }.start()
            val stdout = process.inputStream.bufferedReader().readText()
            val stderr = process.errorStream.bufferedReader().readText()
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe did not end")
            assertEquals(0, process.exitValue(), "probe failed: $stdout\n$stderr")
            val secret = stdout.lines().first { it.startsWith("secret=") }.removePrefix("secret=")
            assertTrue(secret.startsWith("whsec_"), stdout)
            // Core logged the calls that carried the key and the secret.
            assertContains(stderr, "invitations.webhook.create", message = stderr)
            assertContains(stderr, "status=401", message = stderr)
            assertTrue(sandbox.apiKey !in stderr && sandbox.apiKey !in stdout.substringAfter("secret="), "the API key is in the log")
            assertTrue(secret !in stderr, "the webhook secret is in the log")
            assertTrue("\u001b[" !in stderr, "colours in a redirected log")
        }
    }
}

/** The child process of [LogSecretsTest]: real calls that handle both secrets. */
object LogProbe {
    @JvmStatic
    fun main(args: Array<String>) = runBlocking {
        val (baseUrl, apiKey) = args
        ZavuClient(ClientOptions(apiKey = apiKey, baseUrl = baseUrl)).use { zavu ->
            zavu.invitations().create(CreateInvitationParams(clientName = "Log Probe"))
            val webhook = zavu.invitations().createWebhook(CreateWebhookParams(url = "https://example.com/hook"))
            val secret = webhook.secret!!
            println("secret=$secret")
            runCatching { verifyWebhook("{}".toByteArray(), "t=1,v2=00", secret) }
            val body = """{"id":"evt_1","type":"x","timestamp":1,"data":{}}""".toByteArray()
            unwrapWebhook(body, signWebhook(body, secret), secret)
            runCatching { zavu.invitations().get("inv_missing") }
        }
        ZavuClient(ClientOptions(apiKey = apiKey + "x", baseUrl = baseUrl)).use { wrong ->
            runCatching { wrong.invitations().list() }
        }
        Unit
    }
}
