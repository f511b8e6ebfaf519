import Foundation
import Testing
@testable import OCOPKit

/// What Ctrl-C does to a run, without a terminal: the REPL's signal handler only sets the
/// session's cancel token, so setting it here is the same event (PTYTests presses the keys).
@Suite("Cancellation")
struct CancellationTests {
    let sample = Loader.sample()

    func session(_ token: CancelToken, _ sink: StringSink) -> Session {
        Session(dataset: sample, options: SessionOptions(today: Day(iso: "2026-11-29")!), sink: sink, cancel: token)
    }

    @Test("a Ctrl-C that arrives after Enter but before the statement starts cancels it")
    func beforeTheStatementStarts() {
        let token = CancelToken(), sink = StringSink()
        let s = session(token, sink)
        token.cancel()
        #expect(s.run("products") == .failed(.runtime))
        #expect(sink.output.isEmpty)
        #expect(sink.errors.hasPrefix("<input>:1:1: error: cancelled") || sink.errors.contains("error: cancelled"))
        // the flag is cleared when the run ends: the next statement runs
        #expect(s.run("products count") == .ok)
        #expect(sink.output == "214\n")
    }

    @Test("a cancelled run stops there, also with --keep-going: one message, later statements do not run")
    func stopsTheWholeRun() {
        let token = CancelToken(), sink = StringSink()
        let s = session(token, sink)
        token.cancel()
        #expect(s.run("products count\nproducers count\nproducts where stars = 5 count", keepGoing: true) == .failed(.runtime))
        #expect(sink.output.isEmpty)
        #expect(sink.errors.components(separatedBy: "cancelled").count == 2)
        #expect(s.run("let five = products where stars = 5\nfive count") == .ok)
    }
}

extension CancellationTests {
    @Test("ordering a column's values in Vietnamese stops when asked, and caches nothing then")
    func collationRanksStop() throws {
        let ds = Loader.sample()
        guard case .text(_, let pool)? = ds.tables["products"]?.column("name")?.storage else {
            Issue.record("name is not text"); return
        }
        #expect(!pool.hasRanks)
        #expect(throws: StringPool.Stopped.self) { try pool.ranks(stoppingIf: { true }) }
        #expect(!pool.hasRanks)
        var asked = 0
        let ranks = try pool.ranks(stoppingIf: { asked += 1; return false })
        #expect(asked >= 1)
        #expect(ranks == pool.ranks)
        #expect(pool.hasRanks)
    }
}
