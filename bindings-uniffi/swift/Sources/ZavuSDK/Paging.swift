// Hand-written Swift idiom on top of the generated bindings: pagers are AsyncSequences, so
//   for try await invitation in zavu.invitations().listAll() { ... }
// walks every invitation across pages. No behaviour lives here: each page comes from core's
// AutoPager with one FFI crossing (`nextBatch()`); a failed fetch throws, and iterating the same
// pager again retries that page.

extension InvitationPager: AsyncSequence {
    public typealias Element = Invitation

    public struct AsyncIterator: AsyncIteratorProtocol {
        let pager: InvitationPager
        var buffer: [Invitation] = []
        var index = 0

        public mutating func next() async throws -> Invitation? {
            while index >= buffer.count {
                guard let batch = try await pager.nextBatch() else { return nil }
                buffer = batch
                index = 0
            }
            index += 1
            return buffer[index - 1]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pager: self)
    }
}

extension SenderPager: AsyncSequence {
    public typealias Element = Sender

    public struct AsyncIterator: AsyncIteratorProtocol {
        let pager: SenderPager
        var buffer: [Sender] = []
        var index = 0

        public mutating func next() async throws -> Sender? {
            while index >= buffer.count {
                guard let batch = try await pager.nextBatch() else { return nil }
                buffer = batch
                index = 0
            }
            index += 1
            return buffer[index - 1]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pager: self)
    }
}
