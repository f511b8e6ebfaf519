import Foundation
import Testing
@testable import OCOPKit

/// Standard output and error that cannot be written (issue 13): a full disk, a closed stream, a
/// reader that went away. One line on stderr when it still works, exit 1 (2 on the command line),
/// never a crash; a closed pipe ends quietly with 0.
@Suite("Output failures")
struct OutputFailureTests {
    /// Enough output (three times the sample, ~200 kB) to outlast a pipe's buffer.
    static let big = ["--format", "csv", "-e", "products", "-e", "products", "-e", "products"]

    @Test("stdout on /dev/full or closed: one line on stderr, exit 1; no backtrace")
    func stdoutFails() throws {
        for (shell, reason) in [("ocop \"$@\" >/dev/full", "no space left on the device"),
                                ("ocop \"$@\" >&-", "the stream is closed")] {
            let r = try ReportKit.ocop(["-e", "products where stars = 5"], shell: shell)
            #expect(r.exit == 1, "\(shell): \(r)")
            #expect(r.err == "ocop: cannot write the results to standard output (\(reason))\n", "\(shell): \(r)")
        }
        let vi = try ReportKit.ocop(["--lang", "vi", "-e", "products"], shell: "ocop \"$@\" >/dev/full")
        #expect(vi.err == "ocop: không ghi được kết quả ra đầu ra chuẩn (thiết bị đã hết chỗ trống)\n", "\(vi)")
        // the command line's own output (help) that cannot be written: exit 2
        let help = try ReportKit.ocop(["--help"], shell: "ocop \"$@\" >/dev/full")
        #expect(help.exit == 2, "\(help)")
        #expect(help.err.hasPrefix("ocop: cannot write"), "\(help)")
    }

    @Test("stderr on /dev/full or closed: exit 1 where something was to be said, and no crash")
    func stderrFails() throws {
        for shell in ["ocop \"$@\" 2>/dev/full", "ocop \"$@\" 2>&-"] {
            let bad = try ReportKit.ocop(["-e", "products where nonsense"], shell: shell)
            #expect(bad.exit == 1, "\(shell): \(bad)")
            #expect(bad.err == "", "\(shell): \(bad)")
            // a note that cannot be written fails a run that otherwise worked
            let note = try ReportKit.ocop(["-e", "products where stars = 9"], shell: shell)
            #expect(note.exit == 1, "\(shell): \(note)")
            let quiet = try ReportKit.ocop(["-e", "products where stars = 5 count"], shell: shell)
            #expect(quiet == ReportKit.Run(out: "6\n", err: "", exit: 0), "\(shell)")
            let usage = try ReportKit.ocop(["--no-such-option"], shell: shell)
            #expect(usage.exit == 2, "\(shell): \(usage)")
        }
    }

    @Test("with stderr closed an export is still written whole, and a later error still exits 1")
    func closedStderrNotReused() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReportKit.ocop(["-e", "products where stars = 5 select id export \"x.csv\"", "-e", "products where nonsense"],
                                   cwd: dir, shell: "ocop \"$@\" 2>&-")
        #expect(r.exit == 1, "\(r)")
        let csv = try String(contentsOf: dir.appendingPathComponent("x.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("id\n") && !csv.contains("error"), "\(csv)")
    }

    @Test("a reader that closes the pipe (| head) ends ocop quietly with exit 0, SIGPIPE ignored or not")
    func closedPipe() throws {
        for trap in ["", "trap '' PIPE; "] {
            let r = try ReportKit.ocop(Self.big, shell: trap + "{ ocop \"$@\"; echo \"exit $?\" >&2; } | head -c 10 >/dev/null")
            #expect(r.err == "exit 0\n", "\(trap): \(r)")
        }
    }

    @Test("standard input that is closed: a message, exit 2")
    func stdinClosed() throws {
        let r = try ReportKit.ocop([], shell: "ocop \"$@\" <&-")
        #expect(r.exit == 2, "\(r)")
        #expect(r.err == "ocop: cannot read standard input (the stream is closed)\n", "\(r)")
    }
}
