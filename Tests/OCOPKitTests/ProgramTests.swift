import Foundation
import Testing
@testable import OCOPKit

/// Standard streams in memory for `Program.run`: input bytes (or a failed read), what was
/// written to output and error, and a failure (an errno) either of them gives after some bytes.
final class BufferStreams: ProgramStreams {
    var input: Result<[UInt8], Descriptor.Errno>
    private(set) var out = "", err = ""
    /// Writes to standard output attempted, failed ones included.
    private(set) var outWrites = 0
    var outFailure: (errno: Int32, after: Int)?
    var errFailure: Int32?
    var terminals: Set<StandardStream> = []

    init(stdin: String = "") { input = .success(Array(stdin.utf8)) }

    func readInput() -> Result<[UInt8], Descriptor.Errno> { input }

    func write(_ stream: StandardStream, _ s: String) -> Int32? {
        switch stream {
        case .output:
            outWrites += 1
            if let f = outFailure, out.utf8.count + s.utf8.count > f.after { return f.errno }
            out += s
        case .error:
            if let e = errFailure { return e }
            err += s
        case .input: return EBADF
        }
        return nil
    }

    func isTerminal(_ stream: StandardStream) -> Bool { terminals.contains(stream) }
    func windowSize() -> (columns: Int, rows: Int)? { terminals.contains(.output) ? (80, 24) : nil }
}

/// The command line's policy run in-process (Program.run with streams in memory): which stream
/// each thing goes to, and the exit code: 0 ok, 1 a query or script error or output that could
/// not be written, 2 a bad command line or data that cannot load. The binary-driven tests
/// (CLITests, OutputFailureTests, FaultTests) drive the same policy through the real process.
@Suite("The command line's policy, in-process")
struct ProgramTests {
    struct Ran {
        var out: String, err: String, exit: Int32
        /// The code the run ended with early (results that could not be written), if it did.
        var stopped: Int32?
        var streams: BufferStreams
    }

    func ocop(_ args: [String], stdin: String = "", environment: [String: String] = [:],
              _ configure: (BufferStreams) -> Void = { _ in }) -> Ran {
        let streams = BufferStreams(stdin: stdin)
        configure(streams)
        var stopped: Int32?
        let context = ProgramContext(streams: streams, environment: environment, stop: { code in
            #expect(stopped == nil, "stopped once")
            stopped = code
        })
        let exit = Program.run(["--today", "2026-11-29"] + args, context)
        return Ran(out: streams.out, err: streams.err, exit: exit, stopped: stopped, streams: streams)
    }

    @Test("0: results on standard output, nothing on standard error")
    func ok() {
        let r = ocop(["-e", "products count", "-e", "producers count"])
        #expect(r.out == "214\n138\n" && r.err == "" && r.exit == 0 && r.stopped == nil, "\(r.out)\(r.err)")
        // piped standard input is a script
        let piped = ocop([], stdin: "products where stars = 5 count\n")
        #expect(piped.out == "6\n" && piped.exit == 0)
        // a note beside an empty result goes to standard error and the run still succeeds
        let note = ocop(["-e", "products where stars = 9"])
        #expect(note.exit == 0 && note.err.contains("stars") && !note.out.contains("stars ranges"), "\(note.err)")
    }

    @Test("1: an error in a statement or a script, on standard error with its place; statements before it have run")
    func queryAndScriptErrors() throws {
        let bad = ocop(["-e", "products count", "-e", "products where nosuch = 1"])
        #expect(bad.exit == 1 && bad.out == "214\n", "\(bad.out)")
        #expect(bad.err.hasPrefix("<command line>:1:16: error: "), "\(bad.err)")
        let script = ocop([], stdin: "products count\nproducts where stars = \"x\"\n")
        #expect(script.exit == 1 && script.err.hasPrefix("<stdin>:2:"), "\(script.err)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-program-\(UUID().uuidString).ocop")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data([0x70, 0xFF, 0x0A]).write(to: file)
        let notUTF8 = ocop(["run", file.path])
        #expect(notUTF8.exit == 1 && notUTF8.err.contains(file.path), "\(notUTF8.err)")
    }

    @Test("2: a command line that cannot run, in the language asked for", arguments: [
        ["--no-such-option"], ["--today", "tomorrow"], ["--format", "yaml"], ["--lang", "fr"], ["--max-rows", "-3"],
        ["run"], ["run", "a.ocop", "b.ocop"], ["frobnicate"], ["-e", "products", "run", "x.ocop"],
        ["--param", "=1", "-e", "products count"], ["run", "/no/such/script.ocop"],
    ])
    func commandLine(args: [String]) {
        let r = ocop(args)
        #expect(r.exit == 2 && r.out == "" && r.err.hasPrefix("ocop: "), "\(args): \(r.err)")
        #expect(r.err.hasSuffix("\n") && !r.err.contains("\n\n"), "\(args): \(r.err.debugDescription)")
    }

    /// A products list with one doubt: an address with no new unit (a province that is not one).
    static func doubtfulFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-program-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "id,name,stars,province\nSP1,Trà,4,Tỉnh Không Có\nSP2,Mật ong,3,Bắc Kạn\n".write(to: dir.appendingPathComponent("products.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test("2: data that cannot load, and a doubtful list under --strict")
    func dataThatCannotLoad() throws {
        let missing = ocop(["--data", "/no/such/folder", "-e", "products count"])
        #expect(missing.exit == 2 && missing.out == "" && missing.err.contains("/no/such/folder"), "\(missing.err)")
        let vi = ocop(["--lang", "vi", "--data", "/no/such/folder", "-e", "products count"])
        #expect(vi.exit == 2 && vi.err != missing.err && !vi.err.contains("error:"), "\(vi.err)")
        let dir = try ProgramTests.doubtfulFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let strict = ocop(["--strict", "--data", dir.path, "-e", "products count"])
        #expect(strict.exit == 2 && strict.out == "" && strict.err.contains("--strict"), "\(strict.err)")
        let lenient = ocop(["--data", dir.path, "-e", "products count"])
        #expect(lenient.exit == 0 && lenient.out == "2\n" && lenient.err.contains("1 warning"), "a warning, and it runs: \(lenient.err)")
        // a cell that cannot be read is an error of the data, with its place
        try "id,name,stars\nSP1,Trà,nine\n".write(to: dir.appendingPathComponent("products.csv"), atomically: true, encoding: .utf8)
        let cell = ocop(["--data", dir.path, "-e", "products count"])
        #expect(cell.exit == 2 && cell.out == "" && cell.err.contains("products.csv:2:"), "\(cell.err)")
    }

    @Test("--help and --version on standard output, 0; when they cannot be written, 2 (a closed pipe is not a failure)")
    func helpAndVersion() {
        let version = ocop(["--version"])
        #expect(version.exit == 0 && version.out.hasPrefix("ocop \(OCOPVersion.number) (commit ") && version.err == "")
        let help = ocop(["--help"])
        #expect(help.exit == 0 && help.out.contains("USAGE") && help.out.contains("ocop run FILE"))
        let full = ocop(["--help"]) { $0.outFailure = (ENOSPC, 0) }
        #expect(full.exit == 2 && full.err == "ocop: cannot write the results to standard output (no space left on the device)\n")
        let gone = ocop(["--help"]) { $0.outFailure = (EPIPE, 0) }
        #expect(gone.exit == 0 && gone.err == "")
    }

    @Test("a reader that closed the pipe ends the run quietly with 0 at the first failed write, and nothing more is tried")
    func brokenPipe() throws {
        let r = ocop(["--format", "csv", "-e", "products count", "-e", "products", "-e", "products where nosuch = 1"]) {
            $0.outFailure = (EPIPE, 1000)
        }
        #expect(r.exit == 0 && r.stopped == 0 && r.err == "", "quietly, and the error after it is never reached: \(r.err)")
        #expect(r.out == "count\n214\n" && r.streams.outWrites == 2, "the count was written, the table failed: \(r.streams.outWrites) writes")
        // a diagnostic lost before the pipe closed (the load warning) still makes it 1
        let dir = try ProgramTests.doubtfulFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lost = ocop(["--data", dir.path, "-e", "products"]) { $0.outFailure = (EPIPE, 0); $0.errFailure = EIO }
        #expect(lost.exit == 1 && lost.stopped == 1, "\(lost.exit)")
    }

    @Test("results that cannot be written (a full disk, a closed stream): one line on standard error, exit 1, the run ends", arguments: [
        (ENOSPC, "no space left on the device"), (EBADF, "the stream is closed"),
    ])
    func outputFails(errno: Int32, reason: String) {
        let r = ocop(["-e", "products count", "-e", "products where nosuch = 1"]) { $0.outFailure = (errno, 0) }
        #expect(r.exit == 1 && r.stopped == 1)
        #expect(r.err == "ocop: cannot write the results to standard output (\(reason))\n", "nothing after it: \(r.err)")
        let vi = ocop(["--lang", "vi", "-e", "products count"]) { $0.outFailure = (errno, 0) }
        #expect(vi.exit == 1 && vi.err.hasPrefix("ocop: không ghi được kết quả ra đầu ra chuẩn ("), "\(vi.err)")
    }

    @Test("standard error that cannot be written: 1 where something was to be said, 0 where nothing was; 2 stays 2")
    func errorStreamFails() {
        let failing: (BufferStreams) -> Void = { $0.errFailure = ENOSPC }
        #expect(ocop(["-e", "products where nonsense"], failing).exit == 1)
        #expect(ocop(["-e", "products where stars = 9"], failing).exit == 1, "a note that could not be written fails the run")
        let quiet = ocop(["-e", "products where stars = 5 count"], failing)
        #expect(quiet.exit == 0 && quiet.out == "6\n")
        #expect(ocop(["--no-such-option"], failing).exit == 2)
        #expect(ocop(["--data", "/no/such/folder"], failing).exit == 2)
    }

    @Test("standard input that cannot be read: a message and 2; on a terminal with no REPL given, it is read as a script")
    func standardInput() {
        let closed = ocop([]) { $0.input = .failure(Descriptor.Errno(code: EBADF)) }
        #expect(closed.exit == 2 && closed.err == "ocop: cannot read standard input (the stream is closed)\n", "\(closed.err)")
        let terminal = ocop([], stdin: "products count\n") { $0.terminals = [.input, .output] }
        #expect(terminal.exit == 0 && terminal.out == "214\n", "\(terminal.out)\(terminal.err)")
    }

    @Test("the REPL is the program's to give: on two terminals it runs with the session, and its code is the exit code")
    func replInjected() {
        let streams = BufferStreams()
        streams.terminals = [.input, .output]
        var ran = false
        let context = ProgramContext(streams: streams, environment: ["COLUMNS": "60"], repl: { session, sink in
            ran = true
            session.run("products count")
            sink.out(session.welcome().isEmpty ? "" : "bye\n")
            return 0
        }, stop: { _ in Issue.record("not stopped") })
        #expect(Program.run(["--today", "2026-11-29"], context) == 0 && ran)
        #expect(streams.out == "214\nbye\n", "\(streams.out)")
        // not on a terminal, or with -e, there is no REPL
        streams.terminals = [.output]
        #expect(Program.run(["--today", "2026-11-29", "-e", "products count"], context) == 0)
    }

    @Test("SIGPIPE is ignored once the process is prepared: a write to a closed pipe is EPIPE, not the end of the process")
    func sigpipeIgnored() {
        DescriptorStreams.prepare()
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])
        defer { close(fds[1]) }
        #expect(Descriptor.write(fds[1], "after the reader left\n") == EPIPE)
    }

    @Test("the exit code of an outcome is the library's: the tests' helpers use it")
    func outcomeCodes() {
        #expect(Session.Outcome.ok.exitCode == 0 && Session.Outcome.quit.exitCode == 0)
        #expect(Session.Outcome.failed(.usage).exitCode == 2 && Session.Outcome.failed(.runtime).exitCode == 1)
    }
}
