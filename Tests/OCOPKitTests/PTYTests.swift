import Foundation
import Testing
@testable import OCOPKit

/// The REPL as a user meets it: the real binary on a pseudo-terminal (see PTYSupport.swift).
@Suite("REPL on a terminal")
final class PTYTests {
    let home = PTYProcess.temporaryFolder()

    deinit { try? FileManager.default.removeItem(at: home) }

    func start(_ args: [String] = [], env: [String: String] = [:]) throws -> PTYProcess {
        let p = try PTYProcess(args, environment: PTYProcess.environment(home: home, extra: env))
        // the welcome line, then the prompt taking keys
        try p.expect("ocop \(OCOPVersion.number) — 214 products")
        try p.expect("(sample). Type help.\r\n")
        try p.waitForEditing()
        return p
    }

    var historyFile: String {
        (try? String(contentsOfFile: home.appendingPathComponent("history").path, encoding: .utf8)) ?? ""
    }

    @Test("Vietnamese typing; backspace removes a whole letter")
    func vietnameseAndBackspace() throws {
        let p = try start()
        try p.enter("products where province = \"Bắc Kạn\" and name ~ \"nghệ\" count", expecting: "\r\n8\r\n")
        // ệ is one letter: one backspace takes all of it, leaving "ngh"
        try p.enter("help Đồng nghệ\u{7F}", expecting: "no help for 'Đồng ngh'")
        #expect(try p.quit() == 0)
        #expect(historyFile.contains("help Đồng ngh\n"))
    }

    @Test("a multi-line statement is one history entry, recalled whole after a restart")
    func multiLineHistory() throws {
        let first = try start()
        try first.enter("products where", prompt: "  ... ")
        try first.enter("stars >= 4 and", prompt: "  ... ")
        try first.enter("province = \"Bắc Kạn\" count   ", expecting: "\r\n28\r\n")
        #expect(try first.quit() == 0)
        #expect(historyFile == "products where\\nstars >= 4 and\\nprovince = \"Bắc Kạn\" count\n")

        let second = try start()
        second.send("\u{1B}[A") // up arrow
        try second.expect("count")
        try second.enter("", expecting: "\r\n28\r\n")
        second.send("quit\r")
        #expect(try second.waitForExit() == 0)
        // run again: consecutive duplicates are dropped
        #expect(historyFile == "products where\\nstars >= 4 and\\nprovince = \"Bắc Kạn\" count\nquit\n")
    }

    @Test("a history line that is not UTF-8 is skipped, the good ones kept and saved again; no temporary is left")
    func historyBadBytes() throws {
        var bytes = Array("products limit 1\n".utf8) + [0x66, 0xFF, 0xFE, 0x0A] + Array("products limit 2\n".utf8)
        try Data(bytes).write(to: home.appendingPathComponent("history"))
        let p = try start()
        p.send("\u{1B}[A") // the newest good entry is recalled
        try p.expect("products limit 2")
        try p.enter("\u{15}products count", expecting: "\r\n214\r\n")
        #expect(try p.quit() == 0)
        bytes = []
        #expect(historyFile == "products limit 1\nproducts limit 2\nproducts count\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.contains(".tmp") }
        #expect(left == [])
    }

    @Test("a symlink planted at the history file or at a temporary's name is never written through")
    func historySymlinks() throws {
        // another user's file (here: one the test owns) that the links point at
        let victim = home.appendingPathComponent("victim")
        try "secret\n".write(to: victim, atomically: false, encoding: .utf8)
        let history = home.appendingPathComponent("history")
        try FileManager.default.createSymbolicLink(atPath: history.path, withDestinationPath: victim.path)
        let p = try start()
        // the names a temporary used to have, planted once the pid is known and before any save
        for name in ["history.tmp", "history.tmp.\(p.pid)", "history.\(p.pid).tmp", ".history.tmp"] {
            try FileManager.default.createSymbolicLink(atPath: home.appendingPathComponent(name).path, withDestinationPath: victim.path)
        }
        try p.enter("products count", expecting: "\r\n214\r\n")
        try p.enter("producers count", expecting: "\r\n138\r\n")
        #expect(try p.quit() == 0)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "secret\n", "the file a link points at is unchanged")
        // the history is now a file of its own (the link replaced by rename, not followed)
        let kind = try FileManager.default.attributesOfItem(atPath: history.path)[.type] as? FileAttributeType
        #expect(kind == .typeRegular)
        #expect(historyFile.hasSuffix("products count\nproducers count\n"), "\(historyFile)")
        let left = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.contains("tmp") }.sorted()
        #expect(left == [".history.tmp", "history.\(p.pid).tmp", "history.tmp", "history.tmp.\(p.pid)"].sorted(), "only the planted links: \(left)")
        for name in left {
            let attributes = try FileManager.default.attributesOfItem(atPath: home.appendingPathComponent(name).path)
            #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "\(name) is still the planted link")
        }
    }

    @Test("history keeps the newest 1000 entries; an unwritable history file warns once and never stops the REPL")
    func historyBoundsAndFailures() throws {
        let old = (1...1000).map { "products limit \($0)" }.joined(separator: "\n") + "\n"
        try old.write(to: home.appendingPathComponent("history"), atomically: true, encoding: .utf8)
        let p = try start()
        try p.enter("products count", expecting: "\r\n214\r\n")
        #expect(try p.quit() == 0)
        let lines = historyFile.split(separator: "\n")
        #expect(lines.count == 1000 && lines.first == "products limit 2" && lines.last == "products count")

        let nowhere = home.appendingPathComponent("no/such/folder/history").path
        let q = try start(env: ["OCOP_HISTORY": nowhere])
        try q.enter("products count", expecting: "warning: cannot save history to \(nowhere)", "214")
        try q.enter("producers count", expecting: "\r\n138\r\n")
        #expect(try q.quit() == 0)
        let text = String(decoding: q.output, as: UTF8.self)
        #expect(text.components(separatedBy: "cannot save history").count == 2)
    }

    @Test("Tab completes a value from its unaccented prefix, and lists an ambiguous one with counts")
    func valueCompletion() throws {
        let p = try start()
        p.send("products where province = \"bac k\t")
        try p.expect("Bắc Kạn\" ")
        try p.enter("count", expecting: "\r\n84\r\n")
        p.send("products where province = \"bac\t")
        try p.expect("Bắc ")
        p.send("\t")
        try p.expect("Bắc Giang (74)  Bắc Kạn (84)    Bắc Ninh (8)")
        try p.expect("ocop> ")
        p.send("g\t")
        try p.expect("iang\" ")
        try p.enter("count", expecting: "\r\n74\r\n")
        #expect(try p.quit() == 0)
        #expect(historyFile.contains("products where province = \"Bắc Kạn\" count\n"))
        #expect(historyFile.contains("products where province = \"Bắc Giang\" count\n"))
    }

    @Test("Ctrl-C while editing discards the line (and an unfinished statement) and gives a fresh prompt")
    func ctrlCAtThePrompt() throws {
        let p = try start()
        p.send("products wh\u{3}")
        try p.expect("products wh")
        try p.expect("^C\r\n") // libedit may reposition the cursor before the mark
        try p.waitForEditing()
        try p.enter("products where", prompt: "  ... ")
        p.send("stars\u{3}")
        try p.waitForEditing()
        try p.enter("products count", expecting: "\r\n214\r\n")
        #expect(try p.quit() == 0)
        #expect(historyFile == "products count\n")
    }

    @Test("Ctrl-D on an empty line exits 0; quit and exit do too")
    func ctrlDAndQuit() throws {
        let p = try start()
        #expect(try p.quit() == 0)
        for word in ["quit", "exit"] {
            let q = try start()
            q.send(word + "\r")
            #expect(try q.waitForExit() == 0)
        }
    }

    @Test("Ctrl-C while a statement runs cancels it; the session and its variables stay")
    func ctrlCCancelsARunningStatement() throws {
        // a million one-field rows: quick to load, and every clause scans all of them
        let data = home.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try ("stars\n" + String(repeating: "3\n", count: 1_000_000)).write(to: data.appendingPathComponent("products.csv"), atomically: false, encoding: .utf8)

        let p = try PTYProcess(["--data", data.path], environment: PTYProcess.environment(home: home))
        try p.waitForEditing()
        try p.enter("let keep = products limit 3")
        let slow = "products" + String(repeating: " where stars * 2 + 1 > 0", count: 40) + " count"
        p.send(slow + "\r")
        // running: the terminal is back in canonical mode, and the program is busy
        try p.waitForTerminal(canonical: true)
        let ticks = p.cpuTicks
        let busyDeadline = PTYProcess.now() + 10
        while p.cpuTicks < ticks + 5, PTYProcess.now() < busyDeadline { p.pump(until: PTYProcess.now() + 0.005) }
        let sent = PTYProcess.now()
        p.send("\u{3}")
        try p.expect("cancelled")
        let latency = PTYProcess.now() - sent
        #expect(latency < 1.0, "cancelling took \(latency) s")
        if ProcessInfo.processInfo.environment["OCOP_PTY_VERBOSE"] != nil { print("cancel latency: \(Int(latency * 1000)) ms") }
        try p.waitForEditing()
        try p.enter("keep count", expecting: "\r\n3\r\n")
        #expect(try p.quit() == 0)
    }

    @Test("piped standard input runs as a script: same output, same exit codes, no prompt")
    func pipedInputIsAScript() throws {
        let ok = "products where province = \"Bắc Kạn\" count\nlet bk = products where stars = 5\nbk count\n"
        let bad = ok + "products where nosuch = 1\nproducts count\n"
        for (script, code) in [(ok, Int32(0)), (bad, Int32(1))] {
            let file = home.appendingPathComponent("s.ocop")
            try script.write(to: file, atomically: true, encoding: .utf8)
            let piped = try run([], stdin: script)
            let ran = try run(["run", file.path], stdin: "")
            #expect(piped.exit == code && ran.exit == code)
            #expect(piped.out == ran.out)
            #expect(piped.err == ran.err.replacingOccurrences(of: file.path, with: "<stdin>"))
            #expect(!piped.out.contains("ocop>") && !piped.out.contains("Type help"))
        }
    }

    /// `ocop ARGS` with stdin and stdout not a terminal, in the suite's own home folder.
    func run(_ args: [String], stdin: String) throws -> (out: String, err: String, exit: Int32) {
        let r = try ReportKit.ocop(args, stdin: Array(stdin.utf8), environment: PTYProcess.environment(home: home), inherit: false)
        return (r.out, r.err, r.exit)
    }

    @Test("a window resize redraws the line being edited, and editing goes on")
    func resizeRedraws() throws {
        let p = try start()
        let long = "products where province = \"Bắc Kạn\" and name ~ \"nghệ\" and stars >= 3 and score > 50"
        p.send(long)
        try p.expect("score > 50")
        p.resize(columns: 40)
        // back to where the prompt starts (the line now takes three rows), clear, draw again
        try p.expect("\r\u{1B}[2A\u{1B}[J")
        try p.expect("ocop> products where")
        p.send("\u{1}\u{B}products count\r") // ^A ^K: start of line, delete to its end
        try p.expect("\r\n214\r\n")
        try p.waitForEditing()
        #expect(try p.quit() == 0)
        #expect(historyFile == "products count\n")
    }

    @Test("TERM=vt100 draws without NUL padding")
    func noPadding() throws {
        let p = try start(env: ["TERM": "vt100"])
        try p.enter("products count", expecting: "\r\n214\r\n")
        #expect(try p.quit() == 0)
        #expect(!p.output.contains(0))
    }

    @Test("the first CSV export at the REPL says once how to make a file Excel reads; set excel on needs no hint")
    func excelHint() throws {
        let dir = PTYProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = try start()
        try p.enter("products count export \"\(dir.path)/a.csv\"", expecting: "exported 1 row to \(dir.path)/a.csv\r\n", "hint: Excel reads a.csv correctly only with set excel on (a byte order mark), or export to .xlsx\r\n")
        try p.enter("products count export \"\(dir.path)/b.csv\"", expecting: "exported 1 row to \(dir.path)/b.csv\r\n")
        #expect(try p.quit() == 0)
        #expect(String(decoding: p.output, as: UTF8.self).components(separatedBy: "hint: Excel reads").count == 2, "said once")
        // with excel on, or to .xlsx, nothing to say
        let q = try start()
        try q.enter("set excel on")
        try q.enter("products count export \"\(dir.path)/c.csv\"", expecting: "exported 1 row to \(dir.path)/c.csv\r\n")
        try q.enter("products count export \"\(dir.path)/d.xlsx\"", expecting: "exported 1 row to \(dir.path)/d.xlsx\r\n")
        #expect(try q.quit() == 0)
        #expect(!String(decoding: q.output, as: UTF8.self).contains("hint: Excel"))
    }
}
