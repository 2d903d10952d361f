package dev.zavu.sdk

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.node.ObjectNode

// The conformance scenarios match results as the API's wire JSON (camelCase, unknown fields
// kept). These turn the records Kotlin received back into that JSON, using only what a Kotlin
// user sees: the typed fields, `extraJson`, and each enum's `toString()` (core's wire value).

private fun ObjectNode.opt(key: String, value: Any?): ObjectNode {
    when (value) {
        null -> {}
        is String -> put(key, value)
        is Boolean -> put(key, value)
        is Long -> put(key, value)
        is Int -> put(key, value)
        is Double -> put(key, value)
        is java.time.Instant -> put(key, value.toString())
        is JsonNode -> set<JsonNode>(key, value)
        is List<*> -> set<JsonNode>(key, json.valueToTree(value))
        else -> put(key, value.toString()) // enums: their wire value
    }
    return this
}

private fun ObjectNode.withExtra(extraJson: String): ObjectNode {
    val extra = json.readTree(extraJson)
    extra.fields().forEach { (k, v) -> if (!has(k)) set<JsonNode>(k, v) }
    return this
}

fun ConnectedAccount.toWire(): ObjectNode =
    json.createObjectNode().opt("id", id).opt("channel", channel).opt("name", name).withExtra(extraJson)

fun Invitation.toWire(): ObjectNode = json.createObjectNode()
    .opt("id", id).opt("token", token).opt("url", url).opt("status", status)
    .opt("createdAt", createdAt).opt("updatedAt", updatedAt).opt("expiresAt", expiresAt)
    .opt("clientName", clientName).opt("clientEmail", clientEmail).opt("clientPhone", clientPhone)
    .opt("phoneNumberId", phoneNumberId).opt("senderId", senderId).opt("connectionType", connectionType)
    .opt("allowedPhoneCountries", allowedPhoneCountries).opt("connectedAccount", connectedAccount?.toWire())
    .opt("viewedAt", viewedAt).opt("startedAt", startedAt).opt("completedAt", completedAt)
    .opt("failedAt", failedAt).opt("failureReason", failureReason)
    .withExtra(extraJson)

fun PhoneNumber.toWire(): ObjectNode = json.createObjectNode()
    .opt("id", id).opt("phoneNumber", phoneNumber).opt("capabilities", capabilities).opt("status", status)
    .opt(
        "pricing",
        json.createObjectNode().opt("isFreeNumber", pricing.isFreeNumber).opt("monthlyCost", pricing.monthlyCost)
            .opt("monthlyPrice", pricing.monthlyPrice).opt("upfrontCost", pricing.upfrontCost)
            .withExtra(pricing.extraJson),
    )
    .opt("createdAt", createdAt).opt("name", name).opt("senderId", senderId)
    .opt("nextRenewalDate", nextRenewalDate).opt("updatedAt", updatedAt)
    .withExtra(extraJson)

fun Sender.toWire(): ObjectNode = json.createObjectNode()
    .opt("id", id).opt("name", name).opt("phoneNumber", phoneNumber).opt("channels", channels)
    .opt("createdAt", createdAt).opt("updatedAt", updatedAt).opt("isDefault", isDefault)
    .opt("webhook", webhookJson?.let(json::readTree)).opt("whatsapp", whatsappJson?.let(json::readTree))
    .withExtra(extraJson)

fun WebhookConfig.toWire(): ObjectNode = json.createObjectNode()
    .opt("url", url).opt("events", events).opt("secret", secret).opt("active", active)
    .withExtra(extraJson)

fun InvitationStatusChangedData.toWire(): ObjectNode = json.createObjectNode()
    .opt("invitationId", invitationId).opt("clientName", clientName).opt("clientEmail", clientEmail)
    .opt("connectionType", connectionType).opt("previousStatus", previousStatus)
    .opt("currentStatus", currentStatus).opt("senderId", senderId)
    .opt("connectedAccount", connectedAccount?.toWire()).opt("wabaAccountId", wabaAccountId)
    .opt("failureReason", failureReason)
    .withExtra(extraJson)

/** The event with its typed `data` (raw JSON only for types the SDK does not know). */
fun WebhookEvent.toWire(): ObjectNode = json.createObjectNode()
    .opt("id", id).opt("type", eventType).opt("timestamp", timestamp).opt("projectId", projectId)
    .opt("senderId", senderId)
    .opt(
        "data",
        when (val d = data) {
            is WebhookEventData.InvitationStatusChanged -> d.data.toWire()
            is WebhookEventData.SenderCreated -> d.sender.toWire()
            WebhookEventData.Other -> json.readTree(rawDataJson)
        },
    )
    .withExtra(extraJson)

fun AvailablePhoneNumber.toWire(): ObjectNode = json.createObjectNode()
    .opt("phoneNumber", phoneNumber)
    .opt(
        "capabilities",
        json.createObjectNode().opt("sms", capabilities.sms).opt("voice", capabilities.voice)
            .opt("mms", capabilities.mms).withExtra(capabilities.extraJson),
    )
    .opt(
        "pricing",
        json.createObjectNode().opt("isFreeEligible", pricing.isFreeEligible)
            .opt("monthlyPrice", pricing.monthlyPrice).opt("upfrontPrice", pricing.upfrontPrice)
            .withExtra(pricing.extraJson),
    )
    .opt("friendlyName", friendlyName).opt("locality", locality).opt("region", region)
    .withExtra(extraJson)

fun RequirementType.toWire(): ObjectNode = json.createObjectNode()
    .opt("id", id).opt("name", name).opt("description", description).opt("type", fieldType)
    .opt("acceptanceCriteria", acceptanceCriteriaJson?.let(json::readTree)).opt("example", example)
    .withExtra(extraJson)

fun Requirement.toWire(): ObjectNode = json.createObjectNode()
    .opt("id", id).opt("action", action).opt("countryCode", countryCode).opt("phoneNumberType", phoneNumberType)
    .opt("requirementTypes", json.createArrayNode().addAll(requirementTypes.map { it.toWire() }))
    .withExtra(extraJson)
