package dev.zavu.sdk

import org.junit.jupiter.api.Test
import kotlin.reflect.KClass
import kotlin.test.assertEquals
import kotlin.test.assertTrue

/**
 * The Kotlin error types against core's table (`errorClasses()`, exported by the native
 * library): every core kind has its `ZavuException` variant, the class core names for it has a
 * Kotlin alias of that variant, and the variant reports that class.
 */
class ErrorClassesTest {
    // Every alias of Errors.kt, by name. A class of core's table that is missing here (or an
    // alias here that core does not name) fails the test.
    private val aliases: Map<String, KClass<out ZavuException>> = mapOf(
        "ZavudevError" to ZavudevError::class,
        "ZavuError" to ZavuError::class,
        "InvalidRequestError" to InvalidRequestError::class,
        "UnprocessableEntityError" to UnprocessableEntityError::class,
        "AuthenticationError" to AuthenticationError::class,
        "PaymentRequiredError" to PaymentRequiredError::class,
        "PermissionDeniedError" to PermissionDeniedError::class,
        "NotFoundError" to NotFoundError::class,
        "ConflictError" to ConflictError::class,
        "RateLimitError" to RateLimitError::class,
        "InternalServerError" to InternalServerError::class,
        "ServerError" to ServerError::class,
        "APIConnectionError" to APIConnectionError::class,
        "APITimeoutError" to APITimeoutError::class,
        "APIResponseValidationError" to APIResponseValidationError::class,
        "InvalidResponseError" to InvalidResponseError::class,
        "APIUserAbortError" to APIUserAbortError::class,
        "RequestCancelledError" to RequestCancelledError::class,
        "WebhookVerificationError" to WebhookVerificationError::class,
        "WaitTimeoutError" to WaitTimeoutError::class,
        "ClientClosedError" to ClientClosedError::class,
        "InternalError" to InternalError::class,
    )

    // Classes of core's tree that only group others, or whose kind (`api`) is the leftover of
    // APIStatusError's children: Kotlin has no type for them; `e.isA(name)` answers instead.
    private val groupOnly = setOf("APIError", "APIStatusError", "BadRequestError")

    /** The variant of a kind: `NOT_FOUND` is `ZavuException.NotFound`. */
    private fun variantOf(kind: ErrorKind): Class<*> {
        val name = kind.name.lowercase().split("_").joinToString("") { it.replaceFirstChar(Char::uppercase) }
        return Class.forName("dev.zavu.sdk.ZavuException\$$name")
    }

    @Test
    fun `every core kind has its variant and every variant a kind`() {
        val kinds = errorKinds()
        assertEquals(ErrorKind.entries.toList(), kinds, "the Kotlin enum is core's, in core's order")
        val variants = kinds.map { variantOf(it) }
        variants.forEach { assertTrue(ZavuException::class.java.isAssignableFrom(it), "$it") }
        val declared = ZavuException::class.java.classes
            .filter { it != ZavuException::class.java && ZavuException::class.java.isAssignableFrom(it) }
            .toSet()
        assertEquals(declared, variants.toSet())
        kinds.forEach { assertEquals(it.name.lowercase(), errorKindName(it)) }
    }

    @Test
    fun `the class core names for each kind is that kind's variant`() {
        val table = errorClasses()
        assertEquals("ZavudevError", table.first().name)
        assertEquals(ErrorKind.entries.toSet(), table.mapNotNull { it.kind }.toSet(), "one class per kind")
        val names = table.flatMap { listOf(it.name) + it.aliases }.toSet()
        assertEquals(names - groupOnly, aliases.keys, "Errors.kt declares exactly core's classes")
        for (entry in table) {
            val kind = entry.kind
            val expected: Class<*> = when {
                entry.parent == null -> ZavuException::class.java
                kind != null -> variantOf(kind)
                else -> continue
            }
            for (name in listOf(entry.name) + entry.aliases) {
                if (name in groupOnly) continue
                assertEquals(expected, aliases.getValue(name).java, "$name")
            }
        }
    }

    @Test
    fun `an error reports its class and its ancestors`() {
        val e = ZavuException.UnprocessableEntity(
            code = "invalid_request", errorMessage = "m", status = 422, param = null, body = null,
            retryAfterMs = null, requestId = null, summary = "invalid_request: m",
        )
        assertEquals("UnprocessableEntityError", e.className())
        for (ancestor in listOf("InvalidRequestError", "BadRequestError", "APIStatusError", "APIError", "ZavudevError", "ZavuError")) {
            assertTrue(e.isA(ancestor), ancestor)
        }
        assertTrue(!e.isA("NotFoundError"))
        assertEquals("invalid_request: m", e.toString())
    }
}
