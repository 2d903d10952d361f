package dev.zavu.sdk

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.node.JsonNodeFactory
import com.fasterxml.jackson.databind.node.ObjectNode
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.File
import java.time.Instant
import kotlin.test.assertTrue
import kotlin.test.fail

/**
 * The Kotlin runner of tests/conformance/: every scenario, one JUnit test each, against a fresh
 * sandbox, with the matching rules of tests/conformance/README.md. Each call name maps to the
 * Kotlin API a user would write.
 */
class ConformanceTest {
    private val scenarios: List<File> = File(
        System.getProperty("zavu.scenarios") ?: error("-Dzavu.scenarios is not set"),
    ).listFiles { f -> f.extension == "json" }!!.sortedBy { it.name }

    @TestFactory
    fun everyScenario(): List<DynamicTest> {
        assertTrue(scenarios.size >= 30, "expected at least 30 scenarios, found ${scenarios.size}")
        return scenarios.map { file -> DynamicTest.dynamicTest(file.nameWithoutExtension) { runScenario(file) } }
    }
}

private val nodes = JsonNodeFactory.instance

private class Run(val sandbox: Sandbox, val clientOptions: JsonNode) {
    val saved = mutableMapOf<String, JsonNode>()

    fun builtins(): JsonNode = json.createObjectNode().apply {
        set<JsonNode>("sandbox", json.createObjectNode().put("baseUrl", sandbox.baseUrl))
        set<JsonNode>("keys", json.createObjectNode().put("default", sandbox.apiKeys[0]).put("other", sandbox.apiKeys[1]))
        put("now", Instant.now().epochSecond)
    }

    fun lookup(path: String): JsonNode? {
        val parts = path.split(".")
        var value: JsonNode = saved[parts[0]] ?: builtins().get(parts[0]) ?: return null
        for (part in parts.drop(1)) {
            value = when {
                value.isObject -> value.get(part)
                value.isArray -> part.toIntOrNull()?.let { value.get(it) }
                else -> null
            } ?: return null
        }
        return value
    }

    /** Replaces `${...}`; a string that is exactly one reference takes the value's type. */
    fun interpolate(value: JsonNode): JsonNode = when {
        value.isTextual -> {
            val text = value.textValue()
            val whole = Regex("""^\$\{([^}$]*)}$""").find(text)
            if (whole != null) {
                lookup(whole.groupValues[1]) ?: error("unknown reference $text")
            } else {
                nodes.textNode(
                    Regex("""\$\{([^}]*)}""").replace(text) { m ->
                        val found = lookup(m.groupValues[1]) ?: error("unknown reference ${m.value}")
                        if (found.isTextual) found.textValue() else found.toString()
                    },
                )
            }
        }
        value.isArray -> nodes.arrayNode().apply { value.forEach { add(interpolate(it)) } }
        value.isObject -> nodes.objectNode().apply { value.fields().forEach { (k, v) -> set<JsonNode>(k, interpolate(v)) } }
        else -> value
    }

    /** The scenario's client, with a step's overrides (another key, a bad base URL...). */
    fun client(overrides: JsonNode?): ZavuClient {
        val o = (clientOptions.deepCopy<JsonNode>() as ObjectNode)
        overrides?.fields()?.forEach { (k, v) -> o.set<JsonNode>(k, v) }
        return ZavuClient(
            ClientOptions(
                apiKey = o.str("apiKey") ?: sandbox.apiKey,
                baseUrl = o.str("baseUrl") ?: sandbox.baseUrl,
                maxRetries = o.long("maxRetries"),
                timeout = o.long("timeoutMs"),
            ),
        )
    }
}

private fun JsonNode.str(key: String): String? = get(key)?.takeIf { !it.isNull }?.asText()
private fun JsonNode.long(key: String): Long? = get(key)?.takeIf { it.isNumber }?.asLong()
private fun JsonNode.bool(key: String): Boolean? = get(key)?.takeIf { it.isBoolean }?.asBoolean()
/** `headers` given as `[[name, value], ...]`, as a Kotlin map (what a server framework hands over). */
private fun JsonNode.headers(): Map<String, String> = get("headers").associate { it[0].asText() to it[1].asText() }
private fun JsonNode.strings(key: String): List<String>? = get(key)?.takeIf { it.isArray }?.map { it.asText() }

// Enum arguments arrive as wire strings. `Other(value)` carries them: core maps a known wire
// value given as `Other` to its variant (ClientTest checks that), so no wire name is repeated here.
private fun status(value: String?) = value?.let { InvitationStatus.Other(it) }
private fun connectionType(value: String?) = value?.let { ConnectionType.Other(it) }

private fun errorJson(e: ZavuException): JsonNode = json.createObjectNode().apply {
    put("code", e.code())
    put("message", e.message())
    e.status()?.let { put("status", it) } ?: putNull("status")
    e.param()?.let { put("param", it) } ?: putNull("param")
    put("kind", e.kindName())
    e.body()?.let { put("body", it) } ?: putNull("body")
}

private suspend fun call(run: Run, name: String, a: JsonNode, step: JsonNode): JsonNode {
    if (name == "client.new") {
        run.client(a).close()
        return nodes.nullNode()
    }
    val base = run.client(step.get("client"))
    val o = step.get("options")
    val client = if (o == null) {
        base
    } else {
        base.withOptions(
            RequestOptions(
                timeout = o.long("timeoutMs"),
                maxRetries = o.long("maxRetries"),
                idempotencyKey = o.str("idempotencyKey"),
            ),
        ).also { base.close() }
    }
    return client.use { c ->
        val invitations = c.invitations()
        when (name) {
            "invitations.create" -> invitations.create(
                CreateInvitationParams(
                    clientName = a.str("clientName"),
                    clientEmail = a.str("clientEmail"),
                    clientPhone = a.str("clientPhone"),
                    phoneNumberId = a.str("phoneNumberId"),
                    expiresInDays = a.long("expiresInDays"),
                    connectionType = connectionType(a.str("connectionType")),
                    allowedPhoneCountries = a.strings("allowedPhoneCountries"),
                ),
            ).toWire()
            "invitations.list" -> invitations.list(
                ListInvitationsParams(status = status(a.str("status")), limit = a.long("limit"), cursor = a.str("cursor")),
            ).use { page ->
                json.createObjectNode().apply {
                    set<JsonNode>("items", nodes.arrayNode().addAll(page.items().map { it.toWire() }))
                    page.nextCursor()?.let { put("nextCursor", it) } ?: putNull("nextCursor")
                }
            }
            "invitations.listAll" -> invitations.listAll(
                ListInvitationsParams(status = status(a.str("status")), limit = a.long("limit")),
            ).use { pager ->
                json.createObjectNode().set(
                    "items",
                    nodes.arrayNode().addAll(pager.asFlow().toList().map { it.toWire() }),
                )
            }
            "invitations.get" -> invitations.get(invitationId = a.str("invitationId") ?: "").toWire()
            "invitations.cancel" -> invitations.cancel(invitationId = a.str("invitationId") ?: "").toWire()
            "invitations.waitForCompletion" -> invitations.waitForCompletion(
                invitationId = a.str("invitationId") ?: "",
                options = WaitOptions(
                    timeout = a.long("timeoutMs"),
                    pollInterval = a.long("pollIntervalMs"),
                ),
            ).toWire()
            "invitations.createWebhook" -> invitations.createWebhook(
                CreateWebhookParams(url = a.str("url") ?: "", events = a.strings("events")),
            ).toWire()
            "invitations.getWebhook" -> invitations.getWebhook().toWire()
            "invitations.updateWebhook" -> invitations.updateWebhook(
                UpdateWebhookParams(url = a.str("url"), events = a.strings("events"), active = a.bool("active")),
            ).toWire()
            "invitations.deleteWebhook" -> invitations.deleteWebhook().let { nodes.nullNode() }
            "phoneNumbers.purchase" -> c.phoneNumbers().purchase(
                PurchasePhoneNumberParams(phoneNumber = a.str("phoneNumber") ?: "", name = a.str("name")),
            ).toWire()
            "phoneNumbers.searchAvailable" -> json.createObjectNode().set(
                "items",
                nodes.arrayNode().addAll(
                    c.phoneNumbers().searchAvailable(
                        SearchAvailablePhoneNumbersParams(
                            countryCode = a.str("countryCode") ?: "",
                            numberType = a.str("type")?.let { PhoneNumberType.Other(it) },
                            contains = a.str("contains"),
                            capabilities = a.str("capabilities"),
                            limit = a.long("limit"),
                        ),
                    ).map { it.toWire() },
                ),
            )
            "phoneNumbers.requirements" -> json.createObjectNode().set(
                "items",
                nodes.arrayNode().addAll(
                    c.phoneNumbers().requirements(
                        PhoneNumberRequirementsParams(
                            phoneNumber = a.str("phoneNumber"),
                            countryCode = a.str("countryCode"),
                            numberType = a.str("type")?.let { PhoneNumberType.Other(it) },
                        ),
                    ).map { it.toWire() },
                ),
            )
            "phoneNumbers.list" -> c.phoneNumbers().list(
                ListPhoneNumbersParams(
                    status = a.str("status")?.let { PhoneNumberStatus.Other(it) },
                    limit = a.long("limit"),
                    cursor = a.str("cursor"),
                ),
            ).use { page ->
                json.createObjectNode().apply {
                    set<JsonNode>("items", nodes.arrayNode().addAll(page.items().map { it.toWire() }))
                    page.nextCursor()?.let { put("nextCursor", it) } ?: putNull("nextCursor")
                }
            }
            "phoneNumbers.listAll" -> c.phoneNumbers().listAll(
                ListPhoneNumbersParams(status = a.str("status")?.let { PhoneNumberStatus.Other(it) }, limit = a.long("limit")),
            ).use { pager ->
                json.createObjectNode().set("items", nodes.arrayNode().addAll(pager.asFlow().toList().map { it.toWire() }))
            }
            "phoneNumbers.retrieve" -> c.phoneNumbers().get(phoneNumberId = a.str("phoneNumberId") ?: "").toWire()
            "phoneNumbers.update" -> c.phoneNumbers().update(
                phoneNumberId = a.str("phoneNumberId") ?: "",
                params = UpdatePhoneNumberParams(
                    name = a.str("name"),
                    senderId = a.str("senderId"),
                    // A null in the scenario clears the field.
                    clearName = a.has("name") && a.get("name").isNull,
                    unassignSender = a.has("senderId") && a.get("senderId").isNull,
                ),
            ).toWire()
            "phoneNumbers.release" -> {
                c.phoneNumbers().release(phoneNumberId = a.str("phoneNumberId") ?: "")
                nodes.nullNode()
            }
            "senders.get" -> c.senders().get(senderId = a.str("senderId") ?: "").toWire()
            "senders.list" -> c.senders().list(ListSendersParams(limit = a.long("limit"), cursor = a.str("cursor")))
                .use { page ->
                    json.createObjectNode().apply {
                        set<JsonNode>("items", nodes.arrayNode().addAll(page.items().map { it.toWire() }))
                        page.nextCursor()?.let { put("nextCursor", it) } ?: putNull("nextCursor")
                    }
                }
            "senders.listAll" -> c.senders().listAll(ListSendersParams(limit = a.long("limit"))).use { pager ->
                json.createObjectNode().set(
                    "items",
                    nodes.arrayNode().addAll(pager.asFlow().toList().map { it.toWire() }),
                )
            }
            "webhooks.sign" -> json.createObjectNode().put(
                "header",
                signWebhook(
                    payload = (a.str("payload") ?: "").toByteArray(),
                    secret = a.str("secret") ?: "",
                    timestamp = a.long("timestamp"),
                    scheme = a.str("scheme"),
                ),
            )
            "webhooks.verify" -> if (a.has("headers")) {
                verifyWebhookHeaders(
                    payload = (a.str("payload") ?: "").toByteArray(),
                    headers = a.headers(),
                    secret = a.str("secret") ?: "",
                    now = a.long("now")?.let(Instant::ofEpochSecond),
                ).let { nodes.nullNode() }
            } else verifyWebhook(
                payload = (a.str("payload") ?: "").toByteArray(),
                signature = a.str("signature") ?: "",
                secret = a.str("secret") ?: "",
                now = a.long("now")?.let(Instant::ofEpochSecond),
            ).let { nodes.nullNode() }
            "webhooks.unwrap" -> if (a.has("headers")) {
                unwrapWebhookHeaders(
                    payload = (a.str("payload") ?: "").toByteArray(),
                    headers = a.headers(),
                    secret = a.str("secret") ?: "",
                    now = a.long("now")?.let(Instant::ofEpochSecond),
                ).toWire()
            } else unwrapWebhook(
                payload = (a.str("payload") ?: "").toByteArray(),
                signature = a.str("signature") ?: "",
                secret = a.str("secret") ?: "",
                now = a.long("now")?.let(Instant::ofEpochSecond),
            ).toWire()
            else -> error("unknown call $name")
        }
    }
}

/** Checks `actual` against `expected` (tests/conformance/README.md, Matching); null when it matches. */
fun mismatch(expected: JsonNode, actual: JsonNode?, at: String): String? {
    val got = actual ?: nodes.nullNode()
    fun fail(why: String) = "at $at: $why"
    if (expected.isTextual) {
        when (expected.textValue()) {
            "\$any" -> return null
            "\$present" -> return if (got.isNull || got.isMissingNode) fail("expected a value, got nothing") else null
            "\$absent" -> return if (got.isNull || got.isMissingNode) null else fail("expected nothing, got $got")
        }
    }
    if (expected.isObject && expected.fieldNames().asSequence().any { it.startsWith("$") }) {
        for ((key, arg) in expected.fields()) {
            when (key) {
                "\$len" -> {
                    val len = when {
                        got.isArray -> got.size()
                        got.isTextual -> got.textValue().codePointCount(0, got.textValue().length)
                        else -> null
                    }
                    if (len?.toLong() != arg.asLong()) return fail("expected length $arg, got $len")
                }
                "\$minLen" -> if ((if (got.isArray) got.size() else 0) < arg.asInt()) {
                    return fail("expected at least $arg items, got ${got.size()}")
                }
                "\$startsWith" -> if (!(got.isTextual && got.textValue().startsWith(arg.asText()))) {
                    return fail("expected a string starting with $arg, got $got")
                }
                "\$each" -> if (got.isArray) {
                    got.forEachIndexed { i, item -> mismatch(arg, item, "$at[$i]")?.let { return it } }
                }
                "\$sameField" -> if (got.isArray && got.size() > 0) {
                    val first = got[0].get(arg.asText())
                    if (got.any { it.get(arg.asText()) != first }) return fail("expected every $arg to be equal")
                }
                else -> return fail("unknown matcher $key")
            }
        }
        return null
    }
    return when {
        expected.isObject -> expected.fields().asSequence()
            .firstNotNullOfOrNull { (k, v) -> mismatch(v, got.get(k), "$at.$k") }
        expected.isArray -> when {
            !got.isArray -> fail("expected an array, got $got")
            got.size() != expected.size() -> fail("expected ${expected.size()} items, got ${got.size()}")
            else -> expected.withIndex().firstNotNullOfOrNull { (i, e) -> mismatch(e, got[i], "$at[$i]") }
        }
        expected.isNumber -> if (got.isNumber && got.doubleValue() == expected.doubleValue()) null else fail("expected $expected, got $got")
        expected.isNull -> if (got.isNull || got.isMissingNode) null else fail("expected null, got $got")
        else -> if (expected == got) null else fail("expected $expected, got $got")
    }
}

/** `expect.error` with its `param` (a wire name) in Kotlin's spelling, core's `param_name`. */
private fun inKotlinSpelling(error: JsonNode?): JsonNode? {
    val param = error?.get("param") ?: return error
    if (!param.isTextual || param.textValue().startsWith("$")) return error
    return (error.deepCopy<JsonNode>() as ObjectNode).put("param", paramName(param.textValue()))
}

private fun runScenario(file: File) {
    val scenario = json.readTree(file)
    Sandbox().use { sandbox ->
        val run = Run(sandbox, scenario.get("client") ?: json.createObjectNode())
        scenario.get("steps").forEachIndexed { index, rawStep ->
            val step = run.interpolate(rawStep)
            val expect = step.get("expect") ?: json.createObjectNode()
            val label = "${file.nameWithoutExtension} step $index"
            val started = System.nanoTime()
            val outcome: Result<JsonNode> = if (step.has("sandbox")) {
                val spec = step.get("sandbox")
                val (status, body) = sandbox.request(spec.str("method") ?: "GET", spec.str("path")!!, spec.get("body"))
                val wanted = expect.long("status")
                when {
                    wanted != null && wanted.toInt() != status -> fail("$label: sandbox answered $status, expected $wanted: $body")
                    wanted == null && status !in 200..299 -> fail("$label: sandbox answered $status: $body")
                }
                Result.success(body ?: nodes.nullNode())
            } else {
                try {
                    Result.success(
                        runBlocking { call(run, step.str("call")!!, step.get("args") ?: json.createObjectNode(), step) },
                    )
                } catch (e: ZavuException) {
                    Result.failure(ErrorResult(errorJson(e)))
                }
            }
            val elapsedMs = (System.nanoTime() - started) / 1_000_000
            expect.long("minElapsedMs")?.let { min ->
                if (elapsedMs < min) fail("$label: took $elapsedMs ms, expected at least $min ms")
            }
            val wantedError = inKotlinSpelling(expect.get("error"))
            val wantedResult = expect.get("result")
            outcome.fold(
                onSuccess = { result ->
                    if (wantedError != null) fail("$label: expected error $wantedError, got success $result")
                    if (wantedResult != null) mismatch(wantedResult, result, "result")?.let { fail("$label: $it") }
                    step.str("save")?.let { run.saved[it] = result }
                },
                onFailure = { failure ->
                    val error = (failure as ErrorResult).json
                    if (wantedError == null) fail("$label: unexpected error $error")
                    mismatch(wantedError, error, "error")?.let { fail("$label: $it; got $error") }
                },
            )
        }
    }
}

private class ErrorResult(val json: JsonNode) : Exception()
