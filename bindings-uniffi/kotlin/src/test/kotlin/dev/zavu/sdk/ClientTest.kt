package dev.zavu.sdk

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import java.time.Duration
import java.time.Instant
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** The Kotlin API end to end against a real sandbox: every operation as a `suspend` call. */
class ClientTest {
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

    @Test
    fun `the guide's basic invitation`() = runBlocking {
        val invitation = zavu.invitations().create(
            CreateInvitationParams(clientName = "Acme Corp", clientEmail = "contact@acme.com", expiresInDays = 7),
        )
        assertTrue(invitation.url.endsWith("/invite/${invitation.token}"), invitation.url)
        assertEquals(InvitationStatus.Pending, invitation.status)
        assertEquals("Acme Corp", invitation.clientName)
        assertTrue(invitation.expiresAt.isAfter(Instant.now().plus(Duration.ofDays(6))))
        assertEquals(ConnectionType.WhatsappWaba, invitation.connectionType)
        assertEquals("{}", invitation.extraJson)
        // Enums print as their wire value.
        assertEquals("pending", invitation.status.toString())

        val fetched = zavu.invitations().get(invitationId = invitation.id)
        assertEquals(invitation.copy(updatedAt = fetched.updatedAt), fetched)

        val cancelled = zavu.invitations().cancel(invitationId = invitation.id)
        assertEquals(InvitationStatus.Cancelled, cancelled.status)
        assertTrue(cancelled.status.isFinal())
        assertTrue(!InvitationStatus.Failed.isFinal())
    }

    @Test
    fun `an empty create is valid`() = runBlocking {
        val invitation = zavu.invitations().create()
        assertNull(invitation.clientName)
        assertEquals(InvitationStatus.Pending, invitation.status)
    }

    @Test
    fun `pre-assigned phone number flow`() = runBlocking {
        val phoneNumber = zavu.phoneNumbers().purchase(
            PurchasePhoneNumberParams(phoneNumber = "+14155551234", name = "Client: Acme Corp"),
        )
        assertTrue(phoneNumber.id.startsWith("pn_"))
        assertEquals("+14155551234", phoneNumber.phoneNumber)
        assertEquals(PhoneNumberStatus.Active, phoneNumber.status)
        assertEquals(false, phoneNumber.pricing.isFreeNumber)
        assertContains(phoneNumber.capabilities, "whatsapp")

        val invitation = zavu.invitations().create(
            CreateInvitationParams(
                clientName = "Acme Corp",
                clientEmail = "contact@acme.com",
                phoneNumberId = phoneNumber.id,
                expiresInDays = 14,
            ),
        )
        assertEquals(phoneNumber.id, invitation.phoneNumberId)

        // Another team's number is refused with the guide's code.
        sandbox.client(apiKey = sandbox.apiKeys[1]).use { other ->
            val e = assertFailsWith<ZavuException.InvalidRequest> {
                other.invitations().create(CreateInvitationParams(phoneNumberId = phoneNumber.id))
            }
            assertEquals("phone_number_wrong_team", e.code)
            assertEquals(400, e.status)
        }
    }

    @Test
    fun `lifecycle, waitForCompletion and senders`() = runBlocking {
        val invitation = zavu.invitations().create(
            CreateInvitationParams(clientName = "Acme Corp", clientPhone = "+14155550000"),
        )
        val waiting = async {
            zavu.invitations().waitForCompletion(
                invitationId = invitation.id,
                options = WaitOptions(timeout = 20_000, pollInterval = 50),
            )
        }
        withContext(Dispatchers.IO) {
            delay(200)
            sandbox.control("POST", "/sandbox/invitations/${invitation.id}/view")
            sandbox.control("POST", "/sandbox/invitations/${invitation.id}/start")
            sandbox.control("POST", "/sandbox/invitations/${invitation.id}/complete")
        }
        val done = waiting.await()
        assertEquals(InvitationStatus.Completed, done.status)
        assertNotNull(done.viewedAt)
        assertNotNull(done.startedAt)
        assertNotNull(done.completedAt)
        val account = assertNotNull(done.connectedAccount)
        assertEquals(Channel.Whatsapp, account.channel)
        val senderId = assertNotNull(done.senderId)

        val sender = zavu.senders().get(senderId = senderId)
        assertEquals("Acme Corp", sender.name)
        assertEquals("+14155550000", sender.phoneNumber)
        zavu.senders().list().use { page ->
            assertEquals(listOf(senderId), page.items().map { it.id })
            assertTrue(!page.hasNextPage())
        }
        val all = zavu.senders().listAll(ListSendersParams(limit = 1)).use { it.asFlow().toList() }
        assertEquals(listOf(sender), all)

        // A completed invitation cannot be cancelled.
        val e = assertFailsWith<ZavuException.Conflict> { zavu.invitations().cancel(invitationId = invitation.id) }
        assertEquals("already_completed", e.code)
        assertEquals(409, e.status)
    }

    @Test
    fun `waitForCompletion times out with wait_timeout`() = runBlocking {
        val invitation = zavu.invitations().create()
        val started = System.nanoTime()
        val e = assertFailsWith<WaitTimeoutError> {
            zavu.invitations().waitForCompletion(invitation.id, WaitOptions(timeout = 300, pollInterval = 50))
        }
        val elapsedMs = (System.nanoTime() - started) / 1_000_000
        assertEquals("wait_timeout", e.code())
        assertEquals(ErrorKind.WAIT_TIMEOUT, e.kind())
        assertEquals("WaitTimeoutError", e.className())
        // `timeout` bounds the whole wait, not each poll.
        assertTrue(elapsedMs in 250..5_000, "waited $elapsedMs ms")
    }

    @Test
    fun `project webhook config`() = runBlocking {
        val invitations = zavu.invitations()
        val created = invitations.createWebhook(CreateWebhookParams(url = "https://example.com/hooks/zavu"))
        assertEquals(listOf("invitation.status_changed"), created.events)
        assertTrue(created.secret!!.startsWith("whsec_"))
        assertTrue(created.active)
        assertNull(invitations.getWebhook().secret)
        val updated = invitations.updateWebhook(UpdateWebhookParams(active = false))
        assertEquals(false, updated.active)
        invitations.deleteWebhook()
        val e = assertFailsWith<ZavuException.NotFound> { invitations.getWebhook() }
        assertEquals(404, e.status)
    }

    @Test
    fun `errors carry code, message, status and param`() = runBlocking {
        // The guide's error handling, in Kotlin.
        val message = try {
            zavu.invitations().create(CreateInvitationParams(clientName = "Acme Corp", phoneNumberId = "pn_invalid"))
            "no error"
        } catch (e: ZavuException) {
            when (e.code()) {
                "not_found" -> "Phone number not found"
                "invalid_request" -> "Invalid request: ${e.message()}"
                else -> "Unexpected error: $e"
            }
        }
        assertEquals("Phone number not found", message)

        val notFound = assertFailsWith<ZavuException.NotFound> { zavu.invitations().get("inv_missing") }
        assertEquals("not_found", notFound.code)
        assertEquals("Invitation not found", notFound.errorMessage)
        assertEquals(404, notFound.status)
        assertEquals(ErrorKind.NOT_FOUND, notFound.kind())
        assertEquals("not_found", notFound.kindName())
        assertEquals("NotFoundError", notFound.className())
        assertEquals(404, notFound.statusCode())
        assertTrue(notFound.isA("APIStatusError") && notFound.isA("APIError") && notFound.isA("ZavudevError"))
        assertTrue(!notFound.isA("APIConnectionError"))
        assertNotNull(notFound.requestId)
        assertContains(notFound.body!!, "not_found")
        assertEquals("not_found: Invitation not found (HTTP 404)", notFound.toString())

        // Local validation: the same code as the server, the parameter named, nothing sent.
        val invalid = assertFailsWith<ZavuException.InvalidRequest> {
            zavu.invitations().create(CreateInvitationParams(expiresInDays = 99))
        }
        assertEquals("invalid_request", invalid.code)
        assertEquals("expiresInDays", invalid.param)
        assertNull(invalid.status)

        val unauthorized = assertFailsWith<ZavuException.Authentication> {
            sandbox.client(apiKey = "zk_wrong_key").use { it.invitations().list() }
        }
        assertEquals("unauthorized", unauthorized.code)
        assertEquals(401, unauthorized.status)
        assertTrue("zk_wrong_key" !in unauthorized.toString())

        val badUrl = assertFailsWith<ZavuException.InvalidRequest> {
            ZavuClient(ClientOptions(apiKey = "zk_test", baseUrl = "http://api.example.com"))
        }
        assertEquals("baseUrl", badUrl.param)

        sandbox.control("POST", "/sandbox/teams/plan", mapOf("apiKey" to sandbox.apiKey, "plan" to "free"))
        val paid = assertFailsWith<ZavuException.PaymentRequired> {
            zavu.phoneNumbers().purchase(PurchasePhoneNumberParams(phoneNumber = "+14155551234"))
        }
        assertEquals("paid_plan_required", paid.code)
    }

    @Test
    fun `a compose sandbox over plain http needs the opt-in, named as Kotlin names it`() {
        for (url in listOf("http://sandbox:8080", "http://host.docker.internal")) {
            val refused = assertFailsWith<InvalidRequestError> { ZavuClient(ClientOptions(apiKey = "zk_test", baseUrl = url)) }
            assertEquals("baseUrl", refused.param)
            assertContains(refused.errorMessage, "allowInsecureHttp")
            ZavuClient(ClientOptions(apiKey = "zk_test", baseUrl = url, allowInsecureHttp = true)).use { client ->
                assertEquals(url, client.baseUrl())
            }
        }
    }

    @Test
    fun `bad numbers are refused where they cross, naming the parameter`() = runBlocking {
        val tooMany = assertFailsWith<InvalidRequestError> { sandbox.client(maxRetries = -1) }
        assertEquals("maxRetries", tooMany.param)
        val negative = assertFailsWith<InvalidRequestError> { sandbox.client(timeoutMs = -5) }
        assertEquals("timeout", negative.param)
        val absurd = assertFailsWith<InvalidRequestError> { zavu.withOptions(RequestOptions(timeout = Long.MAX_VALUE)) }
        assertEquals("timeout", absurd.param)
        val retries = assertFailsWith<InvalidRequestError> { zavu.withOptions(RequestOptions(maxRetries = Long.MAX_VALUE)) }
        assertEquals("maxRetries", retries.param)
        val poll = assertFailsWith<InvalidRequestError> {
            zavu.invitations().waitForCompletion("inv_1", WaitOptions(maxPollInterval = -1))
        }
        assertEquals("maxPollInterval", poll.param)
        val bytes = assertFailsWith<InvalidRequestError> {
            ZavuClient(ClientOptions(apiKey = sandbox.apiKey, baseUrl = sandbox.baseUrl, maxResponseBytes = 0))
        }
        assertEquals("maxResponseBytes", bytes.param)
        val stamp = assertFailsWith<InvalidRequestError> { signWebhook("{}".toByteArray(), "whsec_x", Long.MAX_VALUE) }
        assertEquals("timestamp", stamp.param)
        val days = assertFailsWith<InvalidRequestError> {
            zavu.invitations().create(CreateInvitationParams(expiresInDays = Long.MIN_VALUE))
        }
        assertEquals("expiresInDays", days.param)
        // None of these reached the server.
        assertEquals(0, sandbox.control("GET", "/sandbox/requests").get("items").size())
    }

    @Test
    fun `a missing api key fails at construction`() {
        if (!System.getenv("ZAVUDEV_API_KEY").isNullOrBlank()) return // the env fallback would apply
        val e = assertFailsWith<ZavuException.Authentication> { ZavuClient(ClientOptions(baseUrl = sandbox.baseUrl)) }
        assertEquals("missing_api_key", e.code)
        assertEquals("apiKey", e.param)
    }

    @Test
    fun `known error codes are core's`() {
        assertEquals(
            listOf(
                "invalid_request", "not_found", "phone_number_wrong_team", "already_completed",
                "paid_plan_required", "unauthorized", "forbidden", "rate_limited", "conflict",
                "internal_error", "payment_required", "server_error", "missing_api_key",
                "connection_error", "timeout", "invalid_response", "invalid_signature",
                "stale_signature", "invalid_payload", "wait_timeout", "cancelled", "internal_panic",
                "client_closed",
            ),
            knownErrorCodes(),
        )
        assertEquals("0.1.0", sdkVersion())
    }

    @Test
    fun `pagination by pages and as a flow`() = runBlocking {
        sandbox.control("POST", "/sandbox/invitations/seed", mapOf("count" to 120))
        sandbox.control("POST", "/sandbox/invitations/seed", mapOf("count" to 5, "status" to "completed"))
        val first = zavu.invitations().list(ListInvitationsParams(limit = 50))
        assertEquals(50, first.items().size)
        assertTrue(first.hasNextPage())
        assertNotNull(first.nextCursor())
        val second = assertNotNull(first.nextPage())
        assertEquals(50, second.items().size)
        val third = assertNotNull(second.nextPage())
        assertEquals(25, third.items().size)
        assertNull(third.nextCursor())
        assertNull(third.nextPage())
        // From the second page on, across pages.
        assertEquals(75, second.asFlow().toList().size)
        listOf(first, second, third).forEach { it.close() }

        val all = zavu.invitations().listAll(ListInvitationsParams(limit = 40)).use { it.asFlow().toList() }
        assertEquals(125, all.size)
        assertEquals(125, all.map { it.id }.toSet().size)

        val completed = zavu.invitations().listAll(ListInvitationsParams(status = InvitationStatus.Completed))
            .use { it.asFlow().toList() }
        assertEquals(5, completed.size)
        assertTrue(completed.all { it.status == InvitationStatus.Completed })

        val e = assertFailsWith<ZavuException.InvalidRequest> {
            zavu.invitations().list(ListInvitationsParams(cursor = "no_such_cursor"))
        }
        assertEquals("cursor", e.param)
    }

    @Test
    fun `a failed page fetch throws and the next step retries the same page`() = runBlocking {
        sandbox.control("POST", "/sandbox/invitations/seed", mapOf("count" to 25))
        sandbox.client(maxRetries = 0).use { client ->
            fun failNextList() = sandbox.control(
                "POST",
                "/sandbox/faults",
                mapOf(
                    "path" to "/v1/invitations",
                    "method" to "GET",
                    "count" to 1,
                    "fault" to mapOf("kind" to "status", "status" to 503),
                ),
            )
            fun lists() = sandbox.control("GET", "/sandbox/requests?path=/v1/invitations").get("items").size()
            client.invitations().listAll(ListInvitationsParams(limit = 10)).use { pager ->
                // Core's walk: nothing is fetched until the pager is asked.
                assertEquals(0, lists())
                // The first page fails, then is fetched again by the next step.
                failNextList()
                assertFailsWith<InternalServerError> { pager.nextBatch() }
                // One crossing per page: the first batch is the first page.
                val first = assertNotNull(pager.nextBatch())
                assertEquals(10, first.size)
                failNextList()
                val e = assertFailsWith<InternalServerError> { pager.nextBatch() }
                assertEquals(503, e.status)
                // The walk is where it was: the same (second) page, then the third, then the end.
                val second = assertNotNull(pager.nextBatch())
                assertEquals(10, second.size)
                val rest = pager.asFlow().toList()
                assertEquals(5, rest.size)
                assertNull(pager.nextBatch())
                val ids = (first + second + rest).map { it.id }
                assertEquals(25, ids.toSet().size)
                val all = client.invitations().listAll().use { it.asFlow().toList() }.map { it.id }
                assertEquals(all, ids)
            }
        }
    }

    @Test
    fun `secrets never show in text`() = runBlocking {
        val options = ClientOptions(
            apiKey = sandbox.apiKey,
            baseUrl = sandbox.baseUrl,
            defaultHeaders = mapOf("X-Secret-Header" to "header-value-secret"),
        )
        val text = options.toString()
        assertTrue(sandbox.apiKey !in text, text)
        assertTrue("header-value-secret" !in text, text)
        assertContains(text, "[redacted]")
        val webhook = zavu.invitations().createWebhook(CreateWebhookParams(url = "https://example.com/hooks/zavu"))
        val secret = assertNotNull(webhook.secret)
        assertTrue(secret !in webhook.toString(), webhook.toString())
        val e = assertFailsWith<ZavuException.WebhookVerification> {
            verifyWebhook("{}".toByteArray(), "t=1,v2=00", secret)
        }
        for (t in listOf(e.toString(), e.errorMessage, e.message ?: "")) assertTrue(secret !in t, t)
    }

    @Test
    fun `concurrent calls share one client`() = runBlocking {
        val ids = (1..40).map { n ->
            async(Dispatchers.Default) {
                zavu.invitations().create(CreateInvitationParams(clientName = "Client $n")).id
            }
        }.awaitAll()
        assertEquals(40, ids.toSet().size)
        val fetched = ids.map { id -> async(Dispatchers.IO) { zavu.invitations().get(id).id } }.awaitAll()
        assertEquals(ids, fetched)
        assertTrue(zavu.stats().requests >= 80uL)
    }

    @Test
    fun `per-call options and retries`() = runBlocking {
        fun fault() = sandbox.control(
            "POST",
            "/sandbox/faults",
            mapOf("path" to "/v1/invitations", "method" to "GET", "count" to 1, "fault" to mapOf("kind" to "status", "status" to 503)),
        )
        fault()
        // The default client retries the 503.
        zavu.invitations().list().close()
        assertTrue(zavu.stats().retries >= 1uL)
        fault()
        val noRetries = zavu.withOptions(RequestOptions(maxRetries = 0))
        assertEquals(0L, noRetries.maxRetries())
        val e = assertFailsWith<ZavuException.Server> { noRetries.invitations().list() }
        assertEquals(503, e.status)
        assertEquals(ErrorKind.SERVER, e.kind())
        noRetries.close()
    }

    @Test
    fun `idempotency key on create`() = runBlocking {
        val keyed = zavu.withOptions(RequestOptions(idempotencyKey = "order-42"))
        val a = keyed.invitations().create(CreateInvitationParams(clientName = "Acme Corp"))
        val b = keyed.invitations().create(CreateInvitationParams(clientName = "Acme Corp"))
        assertEquals(a.id, b.id)
        keyed.close()
    }

    @Test
    fun `cancelling the coroutine stops the call in core`() = runBlocking {
        val invitation = zavu.invitations().create()
        val job = launch(Dispatchers.Default) {
            zavu.invitations().waitForCompletion(
                invitation.id,
                WaitOptions(timeout = 60_000, pollInterval = 50, maxPollInterval = 50),
            )
        }
        delay(400)
        job.cancel()
        job.join()
        fun polls() = withContextRequests(invitation.id)
        val before = polls()
        assertTrue(before >= 2, "expected some polls, got $before")
        delay(500)
        // The spawned poll loop was aborted with the coroutine: no more requests arrive.
        assertTrue(polls() <= before + 1, "polling went on after cancel")
    }

    private fun withContextRequests(id: String): Int =
        sandbox.control("GET", "/sandbox/requests?path=/v1/invitations/$id").get("items").size()

    @Test
    fun `unknown enum values and fields are kept`() = runBlocking {
        sandbox.control(
            "POST",
            "/sandbox/faults",
            mapOf(
                "path" to "/v1/invitations/*",
                "method" to "GET",
                "fault" to mapOf(
                    "kind" to "status",
                    "status" to 200,
                    "body" to mapOf(
                        "invitation" to mapOf(
                            "id" to "inv_new", "token" to "tok", "url" to "https://x/invite/tok", "status" to "paused",
                            "createdAt" to "2025-01-15T12:00:00Z", "expiresAt" to "2025-01-22T00:00:00Z",
                            "connectionType" to "telegram", "brandNewField" to mapOf("a" to 1),
                        ),
                    ),
                ),
            ),
        )
        val invitation = zavu.invitations().get("inv_new")
        assertEquals(InvitationStatus.Other("paused"), invitation.status)
        assertEquals(ConnectionType.Other("telegram"), invitation.connectionType)
        assertEquals("paused", invitation.status.toString())
        assertEquals(1, json.readTree(invitation.extraJson).get("brandNewField").get("a").asInt())
        assertEquals(Instant.parse("2025-01-15T12:00:00Z"), invitation.createdAt)

        // A known wire value given as Other is core's known variant.
        val messenger = zavu.invitations().create(CreateInvitationParams(connectionType = ConnectionType.Other("messenger")))
        assertEquals(ConnectionType.Messenger, messenger.connectionType)
    }

    @Test
    fun `webhooks verify and unwrap`() {
        val secret = "whsec_test"
        val body = """{"id":"evt_1","type":"invitation.status_changed","timestamp":1700000000000,"projectId":"prj_1",""" +
            """"data":{"invitationId":"inv_1","previousStatus":"in_progress","currentStatus":"completed","senderId":"snd_1"}}"""
        val now = Instant.now().epochSecond
        val header = signWebhook(body.toByteArray(), secret, now)
        assertTrue(header.startsWith("t=$now,v1="))
        verifyWebhook(body.toByteArray(), header, secret)

        val event = unwrapWebhook(body.toByteArray(), header, secret)
        assertEquals("invitation.status_changed", event.eventType)
        assertEquals(Instant.ofEpochMilli(1700000000000), event.occurredAt)
        val data = assertIs<WebhookEventData.InvitationStatusChanged>(event.data).data
        assertEquals(InvitationStatus.Completed, data.currentStatus)
        assertEquals(InvitationStatus.InProgress, data.previousStatus)
        assertEquals("snd_1", data.senderId)

        val viaHeaders = unwrapWebhookHeaders(body.toByteArray(), mapOf("x-zavu-signature" to header), secret)
        assertEquals(event, viaHeaders)
        verifyWebhookHeaders(body.toByteArray(), mapOf("X-ZAVU-SIGNATURE" to header), secret)
        // Core's error for a request without the header, the same in every language.
        val missing = assertFailsWith<WebhookVerificationError> {
            unwrapWebhookHeaders(body.toByteArray(), mapOf("content-type" to "application/json"), secret)
        }
        assertEquals("invalid_signature", missing.code)
        assertContains(missing.errorMessage, "X-Zavu-Signature")
        // Core parses the scheme: an unknown one is refused by name.
        val scheme = assertFailsWith<InvalidRequestError> { signWebhook(body.toByteArray(), secret, now, "v3") }
        assertEquals("scheme", scheme.param)
        assertTrue(signWebhook(body.toByteArray(), secret, now, "V1").contains(",v1="))
        // The signing timestamp defaults to now (core's default).
        val stamped = signWebhook(body.toByteArray(), secret).substringAfter("t=").substringBefore(",").toLong()
        assertTrue(kotlin.math.abs(stamped - Instant.now().epochSecond) <= 5, "t=$stamped")
        assertEquals("X-Zavu-Signature", webhookSignatureHeader())

        val tampered = assertFailsWith<ZavuException.WebhookVerification> {
            verifyWebhook(body.replace("completed", "cancelled").toByteArray(), header, secret)
        }
        assertEquals("invalid_signature", tampered.code)
        val stale = assertFailsWith<ZavuException.WebhookVerification> {
            verifyWebhook(body.toByteArray(), header, secret, now = Instant.ofEpochSecond(now + 301))
        }
        assertEquals("stale_signature", stale.code)

        val other = """{"id":"evt_3","type":"message.delivered","timestamp":1,"data":{"messageId":"m_1"}}"""
        val otherEvent = unwrapWebhook(other.toByteArray(), signWebhook(other.toByteArray(), secret, now, "v2"), secret)
        assertEquals(WebhookEventData.Other, otherEvent.data)
        assertEquals("m_1", json.readTree(otherEvent.rawDataJson).get("messageId").asText())
    }

    @Test
    fun `clients close from any thread`() {
        // Kotlin frees objects from a cleaner thread; closing elsewhere than the creator must be safe.
        val clients = (1..20).map { sandbox.client() }
        runBlocking { clients.forEach { it.invitations().list().close() } }
        val threads = clients.map { c -> Thread { c.close() }.apply { start() } }
        threads.forEach { it.join() }
    }
}
