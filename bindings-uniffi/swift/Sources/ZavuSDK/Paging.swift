// Hand-written Swift idiom on top of the generated bindings: pagers are AsyncSequences, so
//   for try await invitation in try await zavu.invitations().listAll() { ... }
// walks every invitation across pages. No behaviour lives here; each item comes from core.

extension InvitationPager: AsyncSequence {
    public typealias Element = Invitation

    public struct AsyncIterator: AsyncIteratorProtocol {
        let pager: InvitationPager

        public func next() async throws -> Invitation? {
            try await pager.next()
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

        public func next() async throws -> Sender? {
            try await pager.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pager: self)
    }
}
