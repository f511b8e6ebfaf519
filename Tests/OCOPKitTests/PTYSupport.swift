import Foundation
import Testing

/// The real `ocop` binary on a pseudo-terminal, typed into like a user would (no tmux, no
/// expect). Three traps from TECH-NOTES.md are handled here:
/// 1. libedit prints its prompt before it switches the terminal to raw mode, so keys sent at
///    once are echoed by the kernel (and a ^D can be lost): `waitForEditing` polls the
///    terminal's ICANON flag before typing;
/// 2. the test runner blocks SIGINT in its threads and children inherit that: the child's
///    signal mask and dispositions are reset in the spawn attributes;
/// 3. TERM=xterm.
/// Everything waits by polling with a deadline; nothing sleeps.
final class PTYProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let master: Int32
    let pid: pid_t
    /// Everything the program wrote to the terminal.
    private(set) var output: [UInt8] = []
    /// Where the next `expect` starts looking.
    private var mark = 0
    private(set) var exitStatus: Int32?

    /// Starts `ocop ARGS` (with `--today 2026-11-29`) on a new terminal (100×30 unless
    /// told), as the leader of a new session with the terminal as its controlling terminal.
    init(_ args: [String], environment: [String: String], columns: UInt16 = 100, rows: UInt16 = 30) throws {
        let bin = try PTYProcess.binary()
        // posix_openpt/unlockpt/ptsname are hidden from Swift's Glibc module: the Linux
        // ioctls they are made of (function-like macros, so spelled out: Linux's generic
        // encoding, the same on x86_64 and arm64)
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
            throw Failure(description: "no pseudo-terminal")
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // opened after setsid and without O_NOCTTY: it becomes the controlling terminal
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD, SIGWINCH, SIGTTIN, SIGTTOU, SIGCONT] {
            sigaddset(&defaults, s)
        }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        let setsid: Int32 = 0x80 // POSIX_SPAWN_SETSID, a GNU macro Swift does not see
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setsid))

        let argv = [bin, "--today", "2026-11-29"] + args
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let rc = PTYProcess.withCStrings(argv) { a in
            PTYProcess.withCStrings(envp) { e in posix_spawn(&child, bin, &actions, &attr, a, e) }
        }
        guard rc == 0 else { close(master); throw Failure(description: "posix_spawn failed: \(rc)") }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// The environment every test starts from: TERM=xterm, HOME and the history file in `home`,
    /// no colour, and no locale (so the C.UTF-8 fallback is exercised).
    static func environment(home: URL, extra: [String: String] = [:]) -> [String: String] {
        var env = ["TERM": "xterm", "HOME": home.path, "OCOP_HISTORY": home.appendingPathComponent("history").path,
                   "NO_COLOR": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Changes the terminal's size; the kernel sends SIGWINCH to the program.
    func resize(columns: UInt16, rows: UInt16 = 30) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    // MARK: typing and reading

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            off += n
        }
    }

    /// Waits for `text` in the output after the previous match; returns what came before it.
    @discardableResult
    func expect(_ text: String, within seconds: Double = 10) throws -> String {
        let needle = Array(text.utf8)
        let deadline = PTYProcess.now() + seconds
        while true {
            if let r = PTYProcess.find(needle, in: output, from: mark) {
                let before = String(decoding: output[mark..<r], as: UTF8.self)
                mark = r + needle.count
                return before
            }
            guard PTYProcess.now() < deadline, pump(until: deadline) else {
                throw Failure(description: "timed out waiting for \(text.debugDescription); output since the last match:\n"
                              + String(decoding: output[mark...], as: UTF8.self).debugDescription)
            }
        }
    }

    /// Waits for the prompt `prompt`, then until libedit has put the terminal in raw mode.
    func waitForEditing(_ prompt: String = "ocop> ", within seconds: Double = 10) throws {
        try expect(prompt, within: seconds)
        try waitForTerminal(canonical: false, within: seconds)
    }

    /// Polls the terminal's ICANON flag until it is `canonical`.
    func waitForTerminal(canonical: Bool, within seconds: Double = 10) throws {
        let deadline = PTYProcess.now() + seconds
        while true {
            var t = termios()
            guard tcgetattr(master, &t) == 0 else { throw Failure(description: "tcgetattr failed") }
            if ((t.c_lflag & tcflag_t(ICANON)) != 0) == canonical { return }
            guard PTYProcess.now() < deadline else { throw Failure(description: "terminal never became \(canonical ? "canonical" : "raw")") }
            _ = pump(until: min(deadline, PTYProcess.now() + 0.005))
        }
    }

    /// Reads what is available (waiting at most until `deadline`); false when the program
    /// is gone and nothing more can come.
    @discardableResult
    func pump(until deadline: Double) -> Bool {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ms = Int32(max(0, min(1000, (deadline - PTYProcess.now()) * 1000)))
        let ready = poll(&fds, 1, ms)
        if ready <= 0 { return exitStatus == nil || ready == 0 }
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buf, buf.count)
        if n > 0 { output += buf[0..<n]; return true }
        // EIO: every slave descriptor is closed, the program has exited
        reap(block: true)
        return false
    }

    /// Waits for the program to exit; its exit status (or 128 + signal).
    func waitForExit(within seconds: Double = 10) throws -> Int32 {
        let deadline = PTYProcess.now() + seconds
        while exitStatus == nil {
            reap(block: false)
            if exitStatus != nil { break }
            guard PTYProcess.now() < deadline else { throw Failure(description: "the program did not exit") }
            _ = pump(until: min(deadline, PTYProcess.now() + 0.01))
        }
        // drain what it wrote last
        while pump(until: PTYProcess.now() + 0.001), PTYProcess.now() < deadline {}
        return exitStatus!
    }

    private func reap(block: Bool) {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        let r = waitpid(pid, &status, block ? 0 : WNOHANG)
        guard r == pid else { return }
        let sig = status & 0x7f
        exitStatus = sig == 0 ? (status >> 8) & 0xff : 128 + sig
    }

    /// CPU time the program has used, in clock ticks (from /proc).
    var cpuTicks: Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // after the command: state(0) … utime(11) stime(12)
        guard fields.count > 12, let u = Int(fields[11]), let s = Int(fields[12]) else { return 0 }
        return u + s
    }

    // MARK: a session at the prompt

    /// `ocop ARGS` on a new terminal, waited for until its prompt takes keys.
    static func repl(_ args: [String] = [], home: URL, extra: [String: String] = [:],
                     columns: UInt16 = 100, rows: UInt16 = 30) throws -> PTYProcess {
        let p = try PTYProcess(args, environment: environment(home: home, extra: extra), columns: columns, rows: rows)
        try p.waitForEditing()
        return p
    }

    /// Types `line` and Enter; waits for each of `expected` in turn, then for `prompt` (the
    /// next prompt, or `  ... ` when the statement goes on) until it takes keys. What came
    /// between the Enter and the prompt.
    @discardableResult
    func enter(_ line: String, expecting expected: String..., prompt: String = "ocop> ") throws -> String {
        send(line + "\r")
        var seen = ""
        for text in expected { seen += try expect(text) + text }
        seen += try expect(prompt)
        try waitForTerminal(canonical: false)
        return seen
    }

    /// Types `statement` and Enter at the prompt; what it printed before the next prompt, as
    /// screen lines, once the prompt takes keys again.
    func run(_ statement: String) throws -> [String] {
        let echo = String(statement.suffix(12)) + "\r\n"  // the echo of the typed line
        let seen = try enter(statement, expecting: echo)
        return PTYProcess.screenLines(String(seen[(seen.range(of: echo)?.upperBound ?? seen.startIndex)...]))
    }

    /// Ctrl-D at the prompt; the exit status.
    func quit() throws -> Int32 {
        try waitForTerminal(canonical: false)
        send("\u{4}")
        return try waitForExit()
    }

    // MARK: helpers

    /// The lines of terminal output `text` as they show on the screen: split at line ends,
    /// escape sequences (cursor moves, clearing) and carriage returns taken out.
    static func screenLines(_ text: String) -> [String] {
        var plain = ""
        var it = text.unicodeScalars.makeIterator()
        while let u = it.next() {
            if u == "\u{1B}" {
                // CSI: ESC [ parameters final-byte; other escapes: ESC and one character
                guard let next = it.next() else { break }
                if next == "[" { while let c = it.next(), !(0x40...0x7E).contains(c.value) {} }
                continue
            }
            if u == "\r" { continue }
            plain.unicodeScalars.append(u)
        }
        return plain.components(separatedBy: "\n")
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, hay.count - start >= needle.count else { return needle.isEmpty ? start : nil }
        var i = start
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The `ocop` binary built beside the running test bundle (`.build/debug` or a scratch
    /// path's), or `$OCOP_BINARY`.
    static func binary() throws -> String {
        guard let b = ReportKit.binary else {
            throw Failure(description: "the ocop binary is not beside the test bundle: run swift build --build-tests first")
        }
        return b.path
    }

    /// A fresh folder under the temporary directory.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-pty-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
