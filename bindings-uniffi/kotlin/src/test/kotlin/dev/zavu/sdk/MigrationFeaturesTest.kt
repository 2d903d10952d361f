package dev.zavu.sdk

import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

/**
 * Issue 17 in Kotlin against a real sandbox: response metadata (`withRawResponse`,
 * `recordingResponses().lastResponse()`), derived clients (`withClientOptions`), per-call extra
 * headers, query and body (`withOptions(RequestOptions(...))`), and models a test can build.
 */
class MigrationFeaturesTest {
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

    private fun lastLogged(path: String) =
        sandbox.control("GET", "/sandbox/requests?path=$path").get("items").last()

    @Test
    fun `withRawResponse gives status, headers, request id and rate limit`() = runBlocking {
        val response = zavu.withRawResponse { invitations().create(CreateInvitationParams(clientName = "Acme Corp")) }
        assertEquals(200, response.statusCode())
        assertNotNull(response.requestId())
        assertEquals(response.requestId(), response.header("X-Request-Id"))
        assertNotNull(response.rateLimit().remaining)
        assertNotNull(response.rateLimit().limit)
        assertTrue(response.headers().isNotEmpty())
        assertEquals("Acme Corp", response.parse().clientName)
        assertEquals(1u, response.response.attempts)

        // A failed call throws as the plain call does, with the request id on the error.
        val e = assertFailsWith<NotFoundError> { zavu.withRawResponse { invitations().get("inv_missing") } }
        assertNotNull(e.requestId)
    }

    @Test
    fun `a recording handle tells the last call's answer, the plain client records nothing`() = runBlocking {
        assertNull(zavu.lastResponse())
        val recording = zavu.recordingResponses()
        assertNull(recording.lastResponse())
        val invitation = recording.invitations().create(CreateInvitationParams(clientName = "Acme Corp"))
        assertEquals(200, recording.lastResponse()!!.statusCode.toInt())
        recording.invitations().get(invitation.id)
        val meta = assertNotNull(recording.lastResponse())
        assertEquals(200, meta.statusCode.toInt())
        assertNotNull(meta.requestId)
        // A per-call handle derived from it records into the same place.
        recording.withOptions(RequestOptions(maxRetries = 0)).invitations().cancel(invitation.id)
        assertEquals(200, recording.lastResponse()!!.statusCode.toInt())
        recording.close()
        zavu.invitations().get(invitation.id)
        assertNull(zavu.lastResponse())
    }

    @Test
    fun `per-call extra headers, query and body are merged by core`() = runBlocking {
        val options = RequestOptions(
            headers = mapOf("User-Agent" to "migrating-app/1.0"),
            extraQuery = mapOf("trace" to "abc"),
            extraBody = """{"clientName": "From extra body"}""",
        )
        val invitation = zavu.withOptions(options).invitations().create(CreateInvitationParams(clientName = "Acme Corp"))
        // The escape hatch wins over the method's own field, as in the published SDKs.
        assertEquals("From extra body", invitation.clientName)
        val logged = lastLogged("/v1/invitations")
        assertEquals("migrating-app/1.0", logged.get("userAgent").asText())
        assertTrue(logged.get("query").asText().contains("trace=abc"), logged.toString())

        // A body that is not a JSON object is refused where it crosses, naming the option.
        val bad = assertFailsWith<InvalidRequestError> { zavu.withOptions(RequestOptions(extraBody = "[1]")) }
        assertEquals("extraBody", bad.param)
        // A GET has no body: core refuses extra body fields before sending.
        val get = assertFailsWith<InvalidRequestError> {
            zavu.withOptions(RequestOptions(extraBody = """{"a": 1}""")).invitations().get(invitation.id)
        }
        assertEquals("extraBody", get.param)
    }

    @Test
    fun `withClientOptions derives a client with another key, timeout and retries`() = runBlocking {
        val other = zavu.withClientOptions(ClientOverrides(apiKey = sandbox.apiKeys[1], timeout = 5_000, maxRetries = 0))
        assertEquals(5_000L, other.timeout())
        assertEquals(0L, other.maxRetries())
        assertEquals(zavu.baseUrl(), other.baseUrl())
        val mine = zavu.invitations().create(CreateInvitationParams(clientName = "Acme Corp"))
        // Another team's key: the invitation is not theirs.
        assertFailsWith<NotFoundError> { other.invitations().get(mine.id) }
        // The original is unchanged.
        assertEquals(2L, zavu.maxRetries())
        assertEquals(mine.id, zavu.invitations().get(mine.id).id)

        val bad = assertFailsWith<InvalidRequestError> { zavu.withClientOptions(ClientOverrides(timeout = -1)) }
        assertEquals("timeout", bad.param)
        val url = assertFailsWith<InvalidRequestError> { zavu.withClientOptions(ClientOverrides(baseUrl = "not a url")) }
        assertEquals("baseUrl", url.param)
        other.close()
    }

    @Test
    fun `the phone-number onboarding steps`() = runBlocking {
        val numbers = zavu.phoneNumbers()
        val found = numbers.searchAvailable(SearchAvailablePhoneNumbersParams(countryCode = "US", limit = 3))
        assertTrue(found.size in 1..3, found.toString())
        assertTrue(found[0].phoneNumber.startsWith("+1"))
        numbers.requirements(PhoneNumberRequirementsParams(phoneNumber = found[0].phoneNumber))

        val bought = numbers.purchase(PurchasePhoneNumberParams(phoneNumber = found[0].phoneNumber, name = "Support"))
        assertEquals("Support", numbers.get(bought.id).name)
        assertEquals("Sales", numbers.update(bought.id, UpdatePhoneNumberParams(name = "Sales")).name)
        assertNull(numbers.update(bought.id, UpdatePhoneNumberParams(clearName = true)).name)
        numbers.list().use { page -> assertEquals(listOf(bought.id), page.items().map { it.id }) }
        assertEquals(1, numbers.listAll().asFlow().toList().size)
        val other = zavu.withClientOptions(ClientOverrides(apiKey = sandbox.apiKeys[1]))
        assertFailsWith<NotFoundError> { other.phoneNumbers().get(bought.id) }
        other.close()
        numbers.release(bought.id)
        numbers.list().use { page -> assertTrue(page.items().isEmpty()) }

        val country = assertFailsWith<InvalidRequestError> { numbers.searchAvailable(SearchAvailablePhoneNumbersParams()) }
        assertEquals("countryCode", country.param)
        val id = assertFailsWith<InvalidRequestError> { numbers.release("") }
        assertEquals("phoneNumberId", id.param)
    }

    @Test
    fun `models are data classes a test builds`() {
        val available = AvailablePhoneNumber(
            phoneNumber = "+15551234567",
            capabilities = PhoneNumberCapabilities(sms = true, voice = null, mms = null),
            pricing = AvailablePhoneNumberPricing(isFreeEligible = true, monthlyPrice = 1.0, upfrontPrice = null),
        )
        assertEquals(true, available.capabilities.sms)
        assertEquals(available, available.copy())
        val params = UpdatePhoneNumberParams(unassignSender = true)
        assertTrue(params.unassignSender)
    }
}
