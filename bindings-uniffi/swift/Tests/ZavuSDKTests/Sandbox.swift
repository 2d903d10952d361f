import Foundation
import XCTest

@testable import ZavuSDK

/// A real sandbox for one test: the `zavu-sandbox` binary (ZAVU_SANDBOX_BIN, default
/// ../../target/debug/zavu-sandbox from the package), started on a free port. Its first lines
/// say where it listens and which API keys it seeded.
final class Sandbox {
    let baseUrl: String
    let apiKeys: [String]
    private let process: Process

    init() throws {
        let env = ProcessInfo.processInfo.environment
        let packageDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let bin = env["ZAVU_SANDBOX_BIN"].flatMap { $0.isEmpty ? nil : $0 }
            ?? packageDir.appendingPathComponent("../../target/debug/zavu-sandbox").standardized.path
        process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["--port", "0"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()

        var url: String?
        var keys: [String] = []
        var pending = ""
        let handle = pipe.fileHandleForReading
        let deadline = Date().addingTimeInterval(20)
        while url == nil || keys.count < 2 {
            guard Date() < deadline else { throw SandboxError.noBanner }
            let chunk = handle.availableData
            guard !chunk.isEmpty else { throw SandboxError.exited }
            pending += String(decoding: chunk, as: UTF8.self)
            while let newline = pending.firstIndex(of: "\n") {
                let line = String(pending[..<newline])
                pending = String(pending[pending.index(after: newline)...])
                if line.hasPrefix("listening on ") {
                    url = String(line.dropFirst("listening on ".count)).trimmingCharacters(in: .whitespaces)
                } else if line.hasPrefix("api key: ") {
                    keys.append(String(line.dropFirst("api key: ".count).split(separator: " ")[0]))
                }
            }
        }
        baseUrl = url!
        apiKeys = keys
        // Keep draining stdout so the server never blocks on a full pipe.
        handle.readabilityHandler = { _ = $0.availableData }
    }

    enum SandboxError: Error { case noBanner, exited, status(Int, String) }

    var apiKey: String { apiKeys[0] }

    func client(apiKey: String? = nil, maxRetries: Int64? = nil) throws -> ZavuClient {
        try ZavuClient(options: ClientOptions(apiKey: apiKey ?? self.apiKey, baseUrl: baseUrl, maxRetries: maxRetries))
    }

    /// A control request (`/sandbox/...`); the JSON body. Fails on a non-2xx answer.
    @discardableResult
    func control(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        var request = URLRequest(url: URL(string: baseUrl + path)!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as! HTTPURLResponse).statusCode
        guard (200..<300).contains(status) else {
            throw SandboxError.status(status, String(decoding: data, as: UTF8.self))
        }
        return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
