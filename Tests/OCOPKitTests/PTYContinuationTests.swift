import Foundation
import Testing

/// When the REPL waits for another line, and when it runs at once, on a real terminal (the
/// built binary on a pseudo-terminal, 80 columns; see PTYSupport.swift).
@Suite("REPL continuation on a terminal")
final class PTYContinuationTests {
    let home = PTYProcess.temporaryFolder()

    deinit { try? FileManager.default.removeItem(at: home) }

    func start() throws -> PTYProcess {
        try PTYProcess.repl(home: home)
    }

    @Test("set alone lists the settings at once; a line no more input can finish is an error at once")
    func errorsAtOnce() throws {
        let p = try start()
        let listed = try p.enter("set", expecting: "ascii off")
        #expect(listed.contains("format table") && listed.contains("max_rows") && !listed.contains("  ... "))
        let comma = try p.enter("products select name,")
        #expect(comma.contains("error") && !comma.contains("  ... "))
        #expect(try p.enter("products sort").contains("expected 'by'"))
        // where the grammar reads on, the REPL waits; an empty line there ends the statement
        try p.enter("products where", prompt: "  ... ")
        #expect(try p.enter("").contains("error"))
        #expect(try p.quit() == 0)
    }

    @Test("a pasted block whose lines continue a statement runs as one statement")
    func pastedBlock() throws {
        let p = try start()
        // one write, as a terminal delivers a paste
        let shown = try p.enter("products where stars = 5\r  group by category count", expecting: "3 rows")
        #expect(shown.contains("│ Đồ uống                            │     1 │"))
        #expect(!shown.contains("error") && !shown.contains("producer_id"), "\(shown)")
        // a block of two statements runs both
        let both = try p.enter("products where stars = 5 count\rproducers count", expecting: "138")
        #expect(both.contains("6\r\n") && !both.contains("error"))
        #expect(try p.quit() == 0)
        let history = (try? String(contentsOfFile: home.appendingPathComponent("history").path, encoding: .utf8)) ?? ""
        #expect(history.contains("products where stars = 5\\n  group by category count\n"))
    }

    @Test("a bracketed paste that arrives in pieces still runs as one statement, when its end marker comes")
    func bracketedPaste() throws {
        let p = try start()
        #expect(String(decoding: p.output, as: UTF8.self).contains("\u{1B}[?2004h"))
        // the first line of the paste is a whole statement, and nothing else is waiting yet:
        // inside the paste the REPL waits for the rest
        try p.enter("\u{1B}[200~products where stars = 5", prompt: "  ... ")
        p.send("  group by category count\r\u{1B}[201~")
        let shown = try p.expect("3 rows")
        #expect(shown.contains("│ Đồ uống                            │     1 │"))
        #expect(!shown.contains("error") && !shown.contains("producer_id"), "\(shown)")
        try p.waitForEditing()
        // arrow keys still reach the editor (ESC [ A is not a paste marker): recall the block
        p.send("\u{1B}[A")
        try p.expect("group by category count")
        p.send("\u{15}\u{4}")
        #expect(try p.waitForExit() == 0)
        #expect(String(decoding: p.output, as: UTF8.self).hasSuffix("\u{1B}[?2004l"))
    }
}
