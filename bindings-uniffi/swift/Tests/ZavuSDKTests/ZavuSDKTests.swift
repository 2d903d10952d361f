import Foundation
import XCTest

@testable import ZavuSDK

/// Mirrors the Kotlin ClientTest: the Swift API end to end against a real sandbox, every
/// operation as `async throws`. Not compiled where it was written (no Swift compiler on the
/// Linux machines); run it on a Mac with `swift test -Xlinker -L../../target/debug`.
final class ZavuSDKTests: XCTestCase {
    var sandbox: Sandbox!
    var zavu: ZavuClient!

    override func setUp() async throws {
        sandbox = try Sandbox()
        zavu = try sandbox.client()
    }

    override func tearDown() async throws {
        zavu = nil
        sandbox.stop()
    }

    /// The error `body` throws, as ZavuError.
    func zavuError(_ body: () async throws -> Void) async -> ZavuError? {
        do {
            try await body()
            return nil
        } catch let error as ZavuError {
            return error
        } catch {
            XCTFail("not a ZavuError: \(error)")
            return nil
        }
    }

    func testTheGuidesBasicInvitation() async throws {
        let invitation = try await zavu.invitations().create(
            params: CreateInvitationParams(clientName: "Acme Corp", clientEmail: "contact@acme.com", expiresInDays: 7))
        XCTAssertTrue(invitation.url.hasSuffix("/invite/\(invitation.token)"))
        XCTAssertEqual(invitation.status, .pending)
        XCTAssertEqual(invitation.clientName, "Acme Corp")
        XCTAssertGreaterThan(invitation.expiresAt, Date().addingTimeInterval(6 * 86400))
        XCTAssertEqual("\(invitation.status)", "pending")

        let fetched = try await zavu.invitations().get(invitationId: invitation.id)
        XCTAssertEqual(fetched.id, invitation.id)

        let cancelled = try await zavu.invitations().cancel(invitationId: invitation.id)
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertTrue(cancelled.status.isFinal())
        XCTAssertFalse(InvitationStatus.failed.isFinal())
    }

    func testPreAssignedPhoneNumberFlow() async throws {
        let phoneNumber = try await zavu.phoneNumbers().purchase(
            params: PurchasePhoneNumberParams(phoneNumber: "+14155551234", name: "Client: Acme Corp"))
        XCTAssertTrue(phoneNumber.id.hasPrefix("pn_"))
        XCTAssertEqual(phoneNumber.status, .active)
        let invitation = try await zavu.invitations().create(
            params: CreateInvitationParams(
                clientName: "Acme Corp", clientEmail: "contact@acme.com", phoneNumberId: phoneNumber.id,
                expiresInDays: 14))
        XCTAssertEqual(invitation.phoneNumberId, phoneNumber.id)

        let other = try sandbox.client(apiKey: sandbox.apiKeys[1])
        let error = await zavuError {
            _ = try await other.invitations().create(params: CreateInvitationParams(phoneNumberId: phoneNumber.id))
        }
        XCTAssertEqual(error?.code(), "phone_number_wrong_team")
        XCTAssertEqual(error?.kind(), .invalidRequest)
    }

    func testLifecycleWaitAndSenders() async throws {
        let invitation = try await zavu.invitations().create(
            params: CreateInvitationParams(clientName: "Acme Corp", clientPhone: "+14155550000"))
        let invitations = zavu.invitations()
        async let done = invitations.waitForCompletion(
            invitationId: invitation.id, options: WaitOptions(timeout: 20_000, pollInterval: 50))
        try await Task.sleep(nanoseconds: 200_000_000)
        try await sandbox.control("POST", "/sandbox/invitations/\(invitation.id)/start")
        try await sandbox.control("POST", "/sandbox/invitations/\(invitation.id)/complete")
        let completed = try await done
        XCTAssertEqual(completed.status, .completed)
        XCTAssertEqual(completed.connectedAccount?.channel, .whatsapp)
        let senderId = try XCTUnwrap(completed.senderId)

        let sender = try await zavu.senders().get(senderId: senderId)
        XCTAssertEqual(sender.phoneNumber, "+14155550000")
        var all: [Sender] = []
        for try await s in zavu.senders().listAll(params: ListSendersParams(limit: 1)) { all.append(s) }
        XCTAssertEqual(all.map(\.id), [senderId])

        let error = await zavuError { _ = try await self.zavu.invitations().cancel(invitationId: invitation.id) }
        XCTAssertEqual(error?.code(), "already_completed")
        XCTAssertEqual(error?.status(), 409)
    }

    func testProjectWebhookConfig() async throws {
        let invitations = zavu.invitations()
        let created = try await invitations.createWebhook(params: CreateWebhookParams(url: "https://example.com/hooks/zavu"))
        XCTAssertEqual(created.events, ["invitation.status_changed"])
        XCTAssertTrue(created.secret?.hasPrefix("whsec_") ?? false)
        let fetched = try await invitations.getWebhook()
        XCTAssertNil(fetched.secret)
        let updated = try await invitations.updateWebhook(params: UpdateWebhookParams(active: false))
        XCTAssertFalse(updated.active)
        try await invitations.deleteWebhook()
        let error = await zavuError { _ = try await invitations.getWebhook() }
        XCTAssertEqual(error?.code(), "not_found")
    }

    func testErrorsCarryCodeMessageStatusAndParam() async throws {
        // The guide's error handling, in Swift.
        do {
            _ = try await zavu.invitations().create(
                params: CreateInvitationParams(clientName: "Acme Corp", phoneNumberId: "pn_invalid"))
            XCTFail("expected an error")
        } catch let error as ZavuError {
            switch error.code() {
            case "not_found": break
            case "invalid_request": XCTFail("Invalid request: \(error.message())")
            default: XCTFail("Unexpected error: \(error)")
            }
        }

        let notFound = await zavuError { _ = try await self.zavu.invitations().get(invitationId: "inv_missing") }
        guard case let .NotFound(code, errorMessage, status, _, _, _, _) = notFound else {
            return XCTFail("expected NotFound, got \(String(describing: notFound))")
        }
        XCTAssertEqual(code, "not_found")
        XCTAssertEqual(errorMessage, "Invitation not found")
        XCTAssertEqual(status, 404)

        let invalid = await zavuError {
            _ = try await self.zavu.invitations().create(params: CreateInvitationParams(expiresInDays: 99))
        }
        XCTAssertEqual(invalid?.code(), "invalid_request")
        XCTAssertEqual(invalid?.param(), "expiresInDays")
        XCTAssertNil(invalid?.status())

        let unauthorized = await zavuError {
            _ = try await self.sandbox.client(apiKey: "zk_wrong_key").invitations().list()
        }
        XCTAssertEqual(unauthorized?.kind(), .authentication)
        XCTAssertEqual(unauthorized?.className(), "AuthenticationError")
        XCTAssertEqual(unauthorized?.isA(class: "APIStatusError"), true)
        XCTAssertEqual(unauthorized?.status(), 401)
    }

    func testKnownErrorCodesAreCores() {
        XCTAssertEqual(knownErrorCodes(), [
            "invalid_request", "not_found", "phone_number_wrong_team", "already_completed",
            "paid_plan_required", "unauthorized", "forbidden", "rate_limited", "conflict",
            "internal_error", "payment_required", "server_error", "missing_api_key",
            "connection_error", "timeout", "invalid_response", "invalid_signature",
            "stale_signature", "invalid_payload", "wait_timeout", "cancelled", "internal_panic",
            "client_closed",
        ])
    }

    func testPaginationByPagesAndAsASequence() async throws {
        try await sandbox.control("POST", "/sandbox/invitations/seed", ["count": 120])
        let first = try await zavu.invitations().list(params: ListInvitationsParams(limit: 50))
        XCTAssertEqual(first.items().count, 50)
        XCTAssertTrue(first.hasNextPage())
        let second = try await first.nextPage()
        XCTAssertEqual(second?.items().count, 50)
        let third = try await second?.nextPage()
        XCTAssertEqual(third?.items().count, 20)
        let none = try await third?.nextPage()
        XCTAssertNil(none)

        var count = 0
        for try await _ in zavu.invitations().listAll(params: ListInvitationsParams(limit: 40)) { count += 1 }
        XCTAssertEqual(count, 120)
    }

    func testConcurrentCallsShareOneClient() async throws {
        let zavu = self.zavu!
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for n in 1...40 {
                group.addTask {
                    try await zavu.invitations().create(params: CreateInvitationParams(clientName: "Client \(n)")).id
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        XCTAssertEqual(ids.count, 40)
    }

    func testPerCallOptionsAndRetries() async throws {
        let fault: [String: Any] = [
            "path": "/v1/invitations", "method": "GET", "count": 1, "fault": ["kind": "status", "status": 503],
        ]
        try await sandbox.control("POST", "/sandbox/faults", fault)
        _ = try await zavu.invitations().list()
        try await sandbox.control("POST", "/sandbox/faults", fault)
        let noRetries = try zavu.withOptions(options: RequestOptions(maxRetries: 0))
        let error = await zavuError { _ = try await noRetries.invitations().list() }
        XCTAssertEqual(error?.status(), 503)
        XCTAssertEqual(error?.kind(), .server)
    }

    func testUnknownEnumValuesAreKept() async throws {
        let messenger = try await zavu.invitations().create(
            params: CreateInvitationParams(connectionType: .other(value: "messenger")))
        XCTAssertEqual(messenger.connectionType, .messenger)
    }

    func testWebhooksVerifyAndUnwrap() throws {
        let secret = "whsec_test"
        let body = Data(
            #"{"id":"evt_1","type":"invitation.status_changed","timestamp":1700000000000,"projectId":"prj_1","data":{"invitationId":"inv_1","previousStatus":"in_progress","currentStatus":"completed","senderId":"snd_1"}}"#
                .utf8)
        let now = Int64(Date().timeIntervalSince1970)
        let header = try signWebhook(payload: body, secret: secret, timestamp: now)
        try verifyWebhook(payload: body, signature: header, secret: secret)
        let event = try unwrapWebhook(payload: body, signature: header, secret: secret)
        XCTAssertEqual(event.eventType, "invitation.status_changed")
        guard case let .invitationStatusChanged(data) = event.data else { return XCTFail("untyped event") }
        XCTAssertEqual(data.currentStatus, .completed)
        XCTAssertEqual(data.senderId, "snd_1")

        XCTAssertThrowsError(try verifyWebhook(payload: Data("{}".utf8), signature: header, secret: secret)) { error in
            XCTAssertEqual((error as? ZavuError)?.code(), "invalid_signature")
        }
    }
}
