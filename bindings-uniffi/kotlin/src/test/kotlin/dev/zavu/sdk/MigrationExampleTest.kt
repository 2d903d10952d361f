package dev.zavu.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import java.io.File
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertTrue

/**
 * The README's "Migrating from the published SDK" table, applied rule by rule to the published
 * Kotlin SDK's invitation and phone-number calls (src/test/resources/published, sources noted
 * there), gives the block between the markers below, which runs against a sandbox.
 */
class MigrationExampleTest {
    companion object {
        /** The README table, in order: literal replacements and the rules with a pattern. */
        val RULES: List<Pair<Regex, (MatchResult) -> String>> = listOf(
            literal(
                "ZavudevOkHttpClient.builder().apiKey(apiKey).baseUrl(baseUrl).build()",
                "ZavuClient(ClientOptions(apiKey = apiKey, baseUrl = baseUrl))",
            ),
            literal("InvitationCreateParams.ConnectionType.WHATSAPP_WABA", "ConnectionType.WhatsappWaba"),
            literal(".type(PhoneNumberType.LOCAL)", ".numberType(PhoneNumberType.Local)"),
            // Builders are constructors with named arguments: X.builder().a(1).b(2).build() is X(a = 1, b = 2).
            Regex("""(\w+)\.builder\(\)((?:\s*\.\w+\((?:[^()]|\([^()]*\))*\))+)\s*\.build\(\)""") to { m ->
                val setters = Regex("""\.(\w+)\(((?:[^()]|\([^()]*\))*)\)""").findAll(m.groupValues[2])
                "${m.groupValues[1]}(" + setters.joinToString(", ") { "${it.groupValues[1]} = ${it.groupValues[2]}" } + ")"
            },
            literal("InvitationCreateParams(", "CreateInvitationParams("),
            literal("PhoneNumberSearchAvailableParams(", "SearchAvailablePhoneNumbersParams("),
            literal("PhoneNumberPurchaseParams(", "PurchasePhoneNumberParams("),
            Regex("""PhoneNumberUpdateParams\(phoneNumberId = ((?:[^(),]|\([^()]*\))*), """) to { m ->
                "${m.groupValues[1]}, UpdatePhoneNumberParams("
            },
            literal(".retrieve(", ".get("),
            Regex("""client\.invitations\(\)\.withRawResponse\(\)\.(\w+)\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)""") to { m ->
                "client.withRawResponse { invitations().${m.groupValues[1]}(${m.groupValues[2]}) }"
            },
            // Answers are unwrapped: response.invitation().url() is invitation.url.
            Regex("""\.(invitation|phoneNumber)\(\)(?=\.)""") to { _ -> "" },
            Regex("""\.(id|clientName|status|name|phoneNumber)\(\)""") to { m -> ".${m.groupValues[1]}" },
            literal("available.items()[0]", "available[0]"),
            literal("requirements.items().size", "requirements.size"),
            literal(".autoPager().forEach", ".asFlow().collect"),
            literal("client.withOptions {\n    it.maxRetries(0)\n}", "client.withOptions(RequestOptions(maxRetries = 0))"),
            literal("NotFoundException", "NotFoundError"),
        )

        private fun literal(from: String, to: String): Pair<Regex, (MatchResult) -> String> =
            Regex(Regex.escape(from)) to { _ -> to }

        fun migrate(published: String): String =
            RULES.fold(published) { text, (pattern, replace) -> pattern.replace(text, replace) }

        private fun body(text: String): String =
            text.lines().filterNot { it.startsWith("//") }.joinToString("\n").trim()
    }

    @Test
    fun `the block below is the published example with the table's changes`() {
        val published = File("src/test/resources/published/published-example.kt.txt").readText()
        val source = File("src/test/kotlin/dev/zavu/sdk/MigrationExampleTest.kt").readText()
        val block = source.substringAfter("// migrated:begin\n").substringBefore("        // migrated:end")
            .lines().joinToString("\n") { it.removePrefix("        ") }.trim()
        assertEquals(migrate(body(published)), block)
        val readme = File("../README.md").readText()
        for (row in listOf("NotFoundException", ".autoPager().forEach", ".retrieve(", "withRawResponse()", "builder()")) {
            assertContains(readme, row)
        }
    }

    @Test
    fun `the migrated example runs against the sandbox`() = runBlocking {
        val sandbox = Sandbox()
        val apiKey = sandbox.apiKey
        val baseUrl = sandbox.baseUrl
        val out = StringBuilder()
        fun println(line: String) {
            out.appendLine(line)
        }
        // migrated:begin
        val client = ZavuClient(ClientOptions(apiKey = apiKey, baseUrl = baseUrl))
        val phoneNumberService = client.phoneNumbers()
        val available = phoneNumberService.searchAvailable(
            SearchAvailablePhoneNumbersParams(countryCode = "US", limit = 5L, numberType = PhoneNumberType.Local)
        )
        val number = available[0].phoneNumber
        val requirements = phoneNumberService.requirements(
            PhoneNumberRequirementsParams(phoneNumber = number)
        )
        println("Requirements: ${requirements.size}")
        val purchased = phoneNumberService.purchase(
            PurchasePhoneNumberParams(phoneNumber = number, name = "Primary Line")
        )
        val phoneNumber = phoneNumberService.get(purchased.id)
        println("Phone number: ${phoneNumber.phoneNumber == number}")
        phoneNumberService.update(
            purchased.id, UpdatePhoneNumberParams(name = "Support Line")
        )

        val invitationService = client.invitations()
        val invitation = invitationService.create(
            CreateInvitationParams(clientEmail = "contact@acme.com", clientName = "Acme Corp", clientPhone = "+14155551234", connectionType = ConnectionType.WhatsappWaba, expiresInDays = 1L, phoneNumberId = purchased.id)
        )
        println("Invitation for: ${invitation.clientName}")
        val fetched = invitationService.get(invitation.id)
        println("Status: ${fetched.status}")
        val rawResponse = client.withRawResponse { invitations().create(
            CreateInvitationParams(clientName = "Raw Corp")
        ) }
        println("Status code: ${rawResponse.statusCode()}")
        println("Parsed: ${rawResponse.parse().clientName}")
        invitationService.list().asFlow().collect { item -> println("Listed: ${item.clientName}") }
        invitationService.cancel(invitation.id)

        val clientWithOptions = client.withOptions(RequestOptions(maxRetries = 0))
        phoneNumberService.list().asFlow().collect { owned -> println("Owned: ${owned.name}") }
        phoneNumberService.release(purchased.id)
        try {
            clientWithOptions.phoneNumbers().get("phoneNumberId")
        } catch (e: NotFoundError) {
            println("Not found: ${e.statusCode()}")
        }
        // migrated:end
        client.close()
        sandbox.close()
        val printed = out.toString()
        for (line in listOf(
            "Phone number: true", "Invitation for: Acme Corp", "Status: pending", "Status code: 200",
            "Parsed: Raw Corp", "Listed: Acme Corp", "Listed: Raw Corp", "Owned: Support Line", "Not found: 404",
        )) {
            assertContains(printed, "$line\n")
        }
        assertTrue(Regex("(?m)^Requirements: \\d+$").containsMatchIn(printed), printed)
    }
}
