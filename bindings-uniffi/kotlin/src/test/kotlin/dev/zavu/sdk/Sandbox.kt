package dev.zavu.sdk

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.io.BufferedReader
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

val json = ObjectMapper()

/**
 * A real sandbox server for one test: the `zavu-sandbox` binary cargo built, started on a free
 * port. Its first lines say where it listens and which API keys it seeded.
 */
class Sandbox : AutoCloseable {
    val baseUrl: String
    val apiKeys: List<String>
    private val process: Process
    private val http = HttpClient.newHttpClient()

    init {
        val bin = System.getenv("ZAVU_SANDBOX_BIN")?.takeIf { it.isNotBlank() }
            ?: System.getProperty("zavu.sandbox")
            ?: error("set ZAVU_SANDBOX_BIN or -Dzavu.sandbox to the zavu-sandbox binary")
        process = ProcessBuilder(bin, "--port", "0")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start()
        val reader = process.inputStream.bufferedReader()
        // readLine blocks; read the banner on another thread so a stuck server fails the test.
        val banner = CompletableFuture.supplyAsync { readBanner(reader) }
        val (url, keys) = try {
            banner.get(20, TimeUnit.SECONDS)
        } catch (e: Exception) {
            process.destroyForcibly()
            throw IllegalStateException("the sandbox did not start: $e", e)
        }
        baseUrl = url
        apiKeys = keys
        // Keep draining stdout so the server never blocks on a full pipe.
        Thread { reader.useLines { lines -> lines.forEach { } } }.apply { isDaemon = true }.start()
    }

    private fun readBanner(reader: BufferedReader): Pair<String, List<String>> {
        var url: String? = null
        val keys = mutableListOf<String>()
        while (url == null || keys.size < 2) {
            val line = reader.readLine() ?: error("the sandbox exited early")
            when {
                line.startsWith("listening on ") -> url = line.removePrefix("listening on ").trim()
                line.startsWith("api key: ") -> keys += line.removePrefix("api key: ").substringBefore(" ")
            }
        }
        return url to keys
    }

    val apiKey: String get() = apiKeys[0]

    /** A client on this sandbox with its default key. */
    fun client(
        apiKey: String? = this.apiKey,
        maxRetries: Long? = null,
        timeoutMs: Long? = null,
    ): ZavuClient = ZavuClient(
        ClientOptions(apiKey = apiKey, baseUrl = baseUrl, maxRetries = maxRetries, timeout = timeoutMs),
    )

    /** A control request (`/sandbox/...`, no auth): the status and the JSON body (null if none). */
    fun request(method: String, path: String, body: Any? = null): Pair<Int, JsonNode?> {
        val text = when (body) {
            null -> null
            is String -> body
            else -> json.writeValueAsString(body)
        }
        val publisher = text?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody()
        val request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(method, publisher)
            .header("content-type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        val parsed = runCatching { json.readTree(response.body()) }.getOrNull()
        return response.statusCode() to parsed
    }

    /** A control request that must succeed; its JSON body. */
    fun control(method: String, path: String, body: Any? = null): JsonNode {
        val (status, parsed) = request(method, path, body)
        check(status in 200..299) { "sandbox $method $path answered $status: $parsed" }
        return parsed ?: json.nullNode()
    }

    override fun close() {
        process.destroy()
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly()
    }
}
