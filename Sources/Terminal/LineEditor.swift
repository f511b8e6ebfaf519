import CEditLine
import Foundation
import OCOPKit

/// The one small wrapper over libedit: reads a line with editing, history and Tab completion,
/// through the wide-character API (`el_wgets`, `HistoryW`) so Vietnamese is edited by letter.
/// Nothing else in the project touches libedit. See ../shared/design/TECH-NOTES.md.
///
/// Split by concern: this file sets libedit up and reads lines; `+Keys` holds the bound keys
/// (^C, Tab, ^Z); `+Input` the character reader that also redraws after a window resize.
final class LineEditor {
    /// What one read gave.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line (and any statement in progress) is discarded.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case end
    }

    let el: OpaquePointer
    private let history: OpaquePointer
    private var event = HistEventW()
    /// The prompt as a NUL-terminated wide string; libedit asks for it on every redraw.
    private(set) var prompt = LineEditor.retainedWide("")
    private(set) var promptText = ""
    /// Strings libedit keeps pointers to (function names and help texts).
    private var retained: [UnsafeMutablePointer<wchar_t>] = []
    /// Set by the ^C binding; the line it ends is not input.
    var interrupted = false
    /// The text where the last Tab could add nothing: a second Tab there lists candidates.
    var lastTab: String?
    /// The terminal's settings outside editing (restored around ^Z).
    var cooked = termios()
    /// Read end of the pipe the SIGWINCH handler writes to.
    var resizeWake: Int32 = -1
    /// False on a terminal that cannot move the cursor (TERM=dumb): no redraws of our own.
    let canRedraw: Bool
    /// Inside a bracketed paste: between the terminal's ESC[200~ and ESC[201~ (LineEditor+Paste).
    var pasting = false
    /// Characters read ahead while looking for a paste marker, given to libedit next.
    var pushback: [Unicode.Scalar] = []
    /// The last character given to libedit ended a line.
    var lastWasNewline = true

    /// Earlier lines of the statement being typed (each ending in a newline), so completion
    /// sees the whole statement.
    var context = ""
    /// Completions for the text before the cursor (context included).
    var complete: ((String) -> Completion)?

    init?() {
        LineEditor.setLocale()
        // libedit reads TERM once, in el_init: give it a name it can use without warnings or padding.
        let term = ProcessInfo.processInfo.environment["TERM"]
        let usable = LineEditor.usableTerminal(term)
        if usable != term { setenv("TERM", usable, 1) }
        let editor = ocop_el_init("ocop")
        if usable != term { if let term { setenv("TERM", term, 1) } else { unsetenv("TERM") } }
        guard let editor, let hist = history_winit() else { return nil }
        el = editor
        history = hist
        canRedraw = usable != "dumb"
        _ = ocop_history_init(history, &event, Int32(HistoryFile.limit))
        _ = ocop_history_setunique(history, &event, 1)

        _ = ocop_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        _ = wide("emacs") { ocop_el_set_editor(el, $0) }
        _ = ocop_el_set_prompt(el, promptFunction)
        _ = ocop_el_set_hist(el, history)
        // libedit restores the terminal around signals that stop or end the process; our own
        // SIGINT handler stays installed for it to hand the signal on to
        _ = ocop_el_set_signal(el, 1)
        // edit mode: the terminal sends ^C and ^Z as keys instead of raising signals
        _ = wide("-d") { d in wide("-isig") { ocop_el_settty(el, d, $0, nil) } }
        // our reader: UTF-8 always, and woken by a resize to redraw the line
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            }
            resizeWake = fds[0]
            Interrupts.watchResize(fds[1])
        }
        _ = ocop_el_set_getc(el, readFunction)
        _ = ocop_el_source(el) // ~/.editrc, before our bindings so ours win
        addFunction("ocop-interrupt", "discard the line, fresh prompt", interruptFunction)
        addFunction("ocop-complete", "complete names and values", completeFunction)
        addFunction("ocop-suspend", "stop, as ^Z does in a shell", suspendFunction)
        bind("^C", "ocop-interrupt")
        bind("^I", "ocop-complete")
        bind("^Z", "ocop-suspend")
        // readline habits: ^W deletes the word before the cursor, ^U the line
        bind("^W", "ed-delete-prev-word")
        bind("^U", "em-kill-line")
        for (key, fn) in [("\\e[H", "ed-move-to-beg"), ("\\e[F", "ed-move-to-end"), ("\\e[1~", "ed-move-to-beg"),
                          ("\\e[4~", "ed-move-to-end"), ("\\e[3~", "ed-delete-next-char"),
                          ("\\e[1;5D", "ed-prev-word"), ("\\e[1;5C", "em-next-word")] {
            bind(key, fn)
        }
    }

    deinit {
        el_end(el)
        history_wend(history)
        retained.forEach { $0.deallocate() }
        prompt.deallocate()
    }

    /// Reads one line (without its newline) after showing `promptText`.
    func read(prompt text: String) -> Input {
        prompt.deallocate()
        prompt = LineEditor.retainedWide(text)
        promptText = text
        interrupted = false
        lastTab = nil
        _ = tcgetattr(0, &cooked)
        var count: Int32 = 0
        let line = el_wgets(el, &count)
        if interrupted { return .interrupted }
        guard let line, count > 0 else { return count < 0 && errno == EINTR ? .interrupted : .end }
        var s = LineEditor.string(line, count: Int(count))
        if s.hasSuffix("\n") { s.removeLast() }
        return .line(s)
    }

    /// Adds a finished statement to the in-memory history (the up arrow recalls it whole).
    func remember(_ entry: String) {
        _ = wide(entry) { ocop_history_enter(history, &event, $0) }
    }

    /// The line being edited: the text before the cursor, and all of it.
    var currentLine: (beforeCursor: String, all: String) {
        guard let info = el_wline(el) else { return ("", "") }
        let i = info.pointee
        return (LineEditor.string(i.buffer, count: i.cursor - i.buffer), LineEditor.string(i.buffer, count: i.lastchar - i.buffer))
    }

    private func addFunction(_ name: String, _ help: String, _ f: ocop_el_func) {
        let n = LineEditor.retainedWide(name), h = LineEditor.retainedWide(help)
        retained += [n, h]
        _ = ocop_el_addfn(el, n, h, f)
    }

    private func bind(_ key: String, _ function: String) {
        _ = wide(key) { k in wide(function) { ocop_el_bind(el, k, $0) } }
    }

    // MARK: locale, terminal type, wide strings

    /// libedit converts between wide characters and the terminal's bytes with the C library's
    /// locale: without a UTF-8 one every non-ASCII letter is dropped ("Bắc Kạn" → "Bc Kn").
    static func setLocale() {
        _ = setlocale(LC_ALL, "")
        if ocop_mb_cur_max() == 1 { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        // numbers are formatted by the library, never by the C locale
        _ = setlocale(LC_NUMERIC, "C")
    }

    /// A terminal type libedit draws cleanly: unset → dumb; vt100/vt220 (which pad with NUL
    /// bytes) and types without a terminfo entry here (tmux-256color, xterm-kitty) → xterm.
    static func usableTerminal(_ term: String?) -> String {
        guard let term, !term.isEmpty else { return "dumb" }
        if term.hasPrefix("vt1") || term.hasPrefix("vt2") { return "xterm" }
        return hasTerminfo(term) ? term : (hasTerminfo("xterm") ? "xterm" : "dumb")
    }

    static func hasTerminfo(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        let env = ProcessInfo.processInfo.environment
        var dirs = [env["TERMINFO"], env["HOME"].map { $0 + "/.terminfo" }].compactMap { $0 }
        dirs += (env["TERMINFO_DIRS"] ?? "").split(separator: ":").map(String.init)
        dirs += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo", "/usr/share/lib/terminfo"]
        let sub = [String(first), String(first.value, radix: 16)]
        return dirs.contains { d in sub.contains { FileManager.default.fileExists(atPath: "\(d)/\($0)/\(name)") } }
    }

    static func wideArray(_ s: String) -> [wchar_t] {
        s.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
    }

    static func retainedWide(_ s: String) -> UnsafeMutablePointer<wchar_t> {
        let a = wideArray(s)
        let p = UnsafeMutablePointer<wchar_t>.allocate(capacity: a.count)
        p.initialize(from: a, count: a.count)
        return p
    }

    static func string(_ p: UnsafePointer<wchar_t>, count: Int) -> String {
        var s = String.UnicodeScalarView()
        for i in 0..<max(0, count) {
            if let u = Unicode.Scalar(UInt32(bitPattern: p[i])) { s.append(u) }
        }
        return String(s)
    }

    @discardableResult
    func wide<R>(_ s: String, _ body: (UnsafePointer<wchar_t>) -> R) -> R {
        LineEditor.wideArray(s).withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// The editor behind libedit's callbacks, from the client data set at init.
func editor(_ el: OpaquePointer?) -> LineEditor? {
    guard let el, let p = ocop_el_get_clientdata(el) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(p).takeUnretainedValue()
}

private let promptFunction: ocop_el_wprompt = { el in
    editor(el)?.prompt
}
