package dev.zavu.example

import dev.zavu.sdk.ClientOptions
import dev.zavu.sdk.CreateInvitationParams
import dev.zavu.sdk.InvitationStatus
import dev.zavu.sdk.ListInvitationsParams
import dev.zavu.sdk.PurchasePhoneNumberParams
import dev.zavu.sdk.ZavuClient
import dev.zavu.sdk.ZavuException
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

/**
 * The guide's flow (docs/onboarding-clients-via-api.md) through the installed jar, against the
 * sandbox named by ZAVUDEV_BASE_URL / ZAVUDEV_API_KEY. The native library must come from inside
 * the jar (JNA's resource path), which the first test checks.
 */
class GuideTest {
    private val baseUrl = System.getenv("ZAVUDEV_BASE_URL") ?: error("ZAVUDEV_BASE_URL is not set")
    private val apiKey = System.getenv("ZAVUDEV_API_KEY") ?: error("ZAVUDEV_API_KEY is not set")

    @Test
    fun `the guide's flow through the installed package`() = runBlocking {
        val start = System.nanoTime()
        val zavu = ZavuClient(ClientOptions(apiKey = apiKey, baseUrl = baseUrl))
        // Printed, never asserted: class loading plus JNA extracting and loading the library.
        System.out.printf("kotlin: first client in %.0f ms%n", (System.nanoTime() - start) / 1e6)
        zavu.use {
            val invitation = zavu.invitations().create(
                CreateInvitationParams(clientName = "Acme Corp", clientEmail = "contact@acme.com", expiresInDays = 7),
            )
            assertTrue(invitation.url.startsWith("$baseUrl/invite/"), invitation.url)
            assertEquals(InvitationStatus.Pending, invitation.status)

            val phoneNumber = zavu.phoneNumbers().purchase(
                PurchasePhoneNumberParams(phoneNumber = "+14155551234", name = "Client: Acme Corp"),
            )
            val preassigned = zavu.invitations().create(
                CreateInvitationParams(
                    clientName = "Acme Corp",
                    clientEmail = "contact@acme.com",
                    phoneNumberId = phoneNumber.id,
                    expiresInDays = 14,
                ),
            )
            assertEquals(phoneNumber.id, preassigned.phoneNumberId)

            val pending = zavu.invitations().list(ListInvitationsParams(status = InvitationStatus.Pending))
            assertEquals(2, pending.items().size)

            val fetched = zavu.invitations().get(invitationId = invitation.id)
            assertEquals("Acme Corp", fetched.clientName)
            val cancelled = zavu.invitations().cancel(invitationId = invitation.id)
            assertEquals(InvitationStatus.Cancelled, cancelled.status)

            val e = assertFailsWith<ZavuException.NotFound> {
                zavu.invitations().create(CreateInvitationParams(clientName = "Acme Corp", phoneNumberId = "pn_invalid"))
            }
            assertEquals("not_found", e.code)
        }
        val library = com.sun.jna.NativeLibrary.getInstance("zavu_uniffi").file.path
        System.out.println("kotlin: loaded $library")
        // JNA extracts a classpath library into its temporary folder: the jar's copy was loaded.
        assertTrue(library.contains("jna", ignoreCase = true), "the library did not come from the jar: $library")
    }
}
