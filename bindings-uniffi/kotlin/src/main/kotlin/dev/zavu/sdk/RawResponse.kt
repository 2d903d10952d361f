// Hand-written Kotlin idiom on top of the generated bindings: the published Kotlin SDK's
// `withRawResponse()`. No behaviour lives here: core records the answer's metadata into the
// handle made by `recordingResponses()`, and this only hands it back beside the value.
package dev.zavu.sdk

/**
 * A value with what the API answered: the published SDK's `HttpResponseFor<T>`. [parse] is the
 * value itself (already parsed and unwrapped, as the plain call returns it).
 */
class HttpResponseFor<T>(private val value: T, val response: ResponseMeta) {
    /** The HTTP status of the final answer. */
    fun statusCode(): Int = response.statusCode.toInt()

    /** Every header of the answer, names in lower case; a name may repeat. */
    fun headers(): List<Header> = response.headers

    /** The first value of header [name] (any case), or null. */
    fun header(name: String): String? =
        response.headers.firstOrNull { it.name.equals(name, ignoreCase = true) }?.value

    /** `X-Request-Id`, when the API sent one. */
    fun requestId(): String? = response.requestId

    /** The endpoint's rate-limit window (`X-RateLimit-Limit`, `-Remaining`, `-Reset`). */
    fun rateLimit(): RateLimit = response.rateLimit

    /** The parsed value. */
    fun parse(): T = value

    override fun toString(): String = "HttpResponseFor(statusCode=${statusCode()}, requestId=${requestId()})"
}

/**
 * Runs [call] on a handle of this client that records the answer, and returns the call's value
 * with the status, headers, request id and rate limit of that answer:
 *
 * ```kotlin
 * val response = client.withRawResponse { invitations().create(params) }
 * response.statusCode(); response.requestId(); response.rateLimit().remaining
 * val invitation = response.parse()
 * ```
 *
 * With several calls in [call], the metadata is the last one's. A failed call throws, as the
 * plain call does (the exception carries `status()` and `requestId`).
 */
suspend fun <T> ZavuClient.withRawResponse(call: suspend ZavuClient.() -> T): HttpResponseFor<T> {
    val recording = recordingResponses()
    try {
        val value = recording.call()
        // A call that returned got an answer, and core recorded it: a missing record is a bug,
        // not a response to invent.
        val meta = checkNotNull(recording.lastResponse()) { "core recorded no answer for a call that returned" }
        return HttpResponseFor(value, meta)
    } finally {
        recording.close()
    }
}
