package dev.zavu.sdk

import com.fasterxml.jackson.databind.JsonNode
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.File
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.test.fail

/**
 * The Kotlin runner of tests/conformance/hostile/arguments.json: each (parameter, kind of bad
 * value) becomes Kotlin's native bad value and must fail as `InvalidRequestError`
 * (`invalid_request`) naming the parameter in Kotlin's spelling (core's `paramName`), with no
 * request reaching the sandbox.
 *
 * Kotlin's types refuse most bad values at compile time: a string where a `Long?` is expected,
 * a fraction, NaN or 1e20 in a `Long`, a number in a `List<String>` or a `Map<String, String>`,
 * a parsed JSON object where the raw body (`ByteArray`) is expected. Those are listed as not
 * expressible and counted, never dropped.
 * Durations are `Long` milliseconds, so "seconds" values are scaled by 1,000.
 */
class HostileArgumentsTest {
    private val file = File(
        System.getProperty("zavu.hostile") ?: error("-Dzavu.hostile is not set"),
    )

    /** A bad value as Kotlin can write it, or null when Kotlin's types cannot express it. */
    private fun nativeValue(param: String, type: String, bad: String): Any? {
        return when (type to bad) {
            "string" to "empty" -> ""
            "string" to "too_long" -> "x".repeat(100_000)
            "integer" to "negative" -> -1L
            "seconds" to "negative" -> -1_000L // -1.0 s in milliseconds
            else -> null
        }
    }

    @TestFactory
    fun hostileArguments(): List<DynamicTest> {
        val spec = json.readTree(file)
        val expectCode = spec.get("expect").get("code").asText()
        val expectKind = spec.get("expect").get("kind").asText()
        val sandbox = Sandbox()
        val tests = mutableListOf<DynamicTest>()
        val notExpressible = mutableListOf<String>()
        var total = 0
        for (case in spec.get("cases")) {
            val call = case.get("call").asText()
            val param = case.get("param").asText()
            val type = case.get("type").asText()
            val args = case.get("args") ?: json.createObjectNode()
            for (badNode in case.get("bad")) {
                val bad = badNode.asText()
                total++
                val label = "$call $param $bad"
                val value = nativeValue(param, type, bad)
                if (value == null) {
                    notExpressible += label
                    continue
                }
                tests += DynamicTest.dynamicTest(label) {
                    val error = try {
                        runBlocking { invoke(sandbox, call, args, param, value) }
                        fail("$label: accepted (no error)")
                    } catch (e: ZavuException) {
                        e
                    } catch (e: Throwable) {
                        fail("$label: a ${e::class.qualifiedName} instead of ZavuException: $e")
                    }
                    assertEquals(expectCode, error.code(), "$label: $error")
                    assertEquals(expectKind, error.kindName(), "$label: $error")
                    assertTrue(error is InvalidRequestError, "$label: ${error::class.simpleName}")
                    assertEquals(paramName(param), error.param(), "$label: $error")
                    assertTrue(error.toString().length < 2_000, "$label: the error text is ${error.toString().length} chars")
                }
            }
        }
        tests += DynamicTest.dynamicTest("no request reached the sandbox; every case counted") {
            try {
                val requests = sandbox.control("GET", "/sandbox/requests").get("items")
                assertEquals(0, requests.size(), "requests sent: $requests")
            } finally {
                sandbox.close()
            }
            println(
                "hostile arguments: ${tests.size - 1} checked, ${notExpressible.size} not expressible in Kotlin " +
                    "(of $total): ${notExpressible.joinToString("; ")}",
            )
            assertEquals(total, tests.size - 1 + notExpressible.size)
            assertTrue(tests.size - 1 >= 20, "only ${tests.size - 1} cases were expressible")
        }
        return tests
    }

    /** `call` with the case's `args` plus `param` set to `value`, as a Kotlin user writes it. */
    private suspend fun invoke(sandbox: Sandbox, call: String, args: JsonNode, param: String, value: Any) {
        val a = json.createObjectNode().setAll<JsonNode>(args as com.fasterxml.jackson.databind.node.ObjectNode)
        fun str(name: String): String? = if (name == param) value as String else a.get(name)?.asText()
        fun long(name: String): Long? = if (name == param) value as Long else a.get(name)?.asLong()
        if (call == "client.new") {
            ZavuClient(
                ClientOptions(
                    apiKey = str("apiKey") ?: sandbox.apiKey,
                    baseUrl = str("baseUrl") ?: sandbox.baseUrl,
                    maxRetries = long("maxRetries"),
                    timeout = long("timeout"),
                ),
            ).close()
            return
        }
        sandbox.client().use { c ->
            val invitations = c.invitations()
            when (call) {
                "invitations.create" -> invitations.create(
                    CreateInvitationParams(
                        clientName = str("clientName"),
                        clientEmail = str("clientEmail"),
                        clientPhone = str("clientPhone"),
                        phoneNumberId = str("phoneNumberId"),
                        expiresInDays = long("expiresInDays"),
                        connectionType = str("connectionType")?.let { ConnectionType.Other(it) },
                    ),
                )
                "invitations.list" -> invitations.list(
                    ListInvitationsParams(
                        status = str("status")?.let { InvitationStatus.Other(it) },
                        limit = long("limit"),
                        cursor = str("cursor"),
                    ),
                ).close()
                "invitations.get" -> invitations.get(str("invitationId")!!)
                "invitations.cancel" -> invitations.cancel(str("invitationId")!!)
                "invitations.waitForCompletion" -> invitations.waitForCompletion(
                    str("invitationId")!!,
                    WaitOptions(timeout = long("timeout"), pollInterval = long("pollInterval")),
                )
                "invitations.createWebhook" -> invitations.createWebhook(CreateWebhookParams(url = str("url")!!))
                "phoneNumbers.purchase" -> c.phoneNumbers().purchase(
                    PurchasePhoneNumberParams(phoneNumber = str("phoneNumber")!!, name = str("name")),
                )
                "senders.get" -> c.senders().get(str("senderId")!!)
                "senders.list" -> c.senders().list(ListSendersParams(limit = long("limit"), cursor = str("cursor"))).close()
                "webhooks.sign" -> signWebhook(
                    payload = str("payload")!!.toByteArray(),
                    secret = str("secret")!!,
                    timestamp = long("timestamp"),
                    scheme = str("scheme"),
                )
                "webhooks.unwrap" -> unwrapWebhook(
                    payload = str("payload")!!.toByteArray(),
                    signature = str("signature")!!,
                    secret = str("secret")!!,
                )
                else -> error("the runner does not map $call")
            }
        }
    }
}
