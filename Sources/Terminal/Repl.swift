import CEditLine
import Foundation
import OCOPKit

/// The interactive loop: reads statements with the line editor (a continuation prompt while
/// one is unfinished), runs them through the session, keeps history, and turns Ctrl-C into
/// "discard the line" while editing and "cancel" while a statement runs.
public final class Repl {
    let session: Session
    let sink: OutputSink

    public static let prompt = "ocop> "
    public static let continuation = "  ... "

    public init(session: Session, sink: OutputSink) {
        self.session = session
        self.sink = sink
    }

    /// Runs until Ctrl-D on an empty line or `quit`; returns the exit status (always 0:
    /// errors in statements are shown, not fatal).
    public func run() -> Int32 {
        guard let editor = LineEditor() else { return runPlain() }
        let completer = Completer(session: session)
        editor.complete = { completer.complete($0) }
        let sink = self.sink
        var history = HistoryFile(path: HistoryFile.defaultPath(), warn: { sink.err($0 + "\n") })
        for entry in history.load() { editor.remember(entry) }
        Interrupts.install(session.env.cancel)
        defer { Interrupts.remove() }
        editor.enableBracketedPaste()
        defer { editor.disableBracketedPaste() }

        session.greet()
        var lines: [String] = []
        while true {
            // a Ctrl-C that came after the last statement ended is forgotten here, while the
            // editor holds the terminal; one pressed after Enter stays set and cancels the run
            session.env.cancel.reset()
            editor.context = lines.map { $0 + "\n" }.joined()
            switch editor.read(prompt: lines.isEmpty ? Repl.prompt : Repl.continuation) {
            case .end:
                sink.out("\n")
                return 0
            case .interrupted:
                lines = []
            case .line(let line):
                // an empty line at the continuation prompt runs what was typed, so an unfinished
                // statement shows its error instead of waiting
                let endsBlock = !lines.isEmpty && line.trimmingCharacters(in: .whitespaces).isEmpty
                lines.append(line)
                let text = lines.joined(separator: "\n")
                let entry = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if entry.isEmpty { lines = []; continue }
                guard endsBlock || session.isComplete(text) else { continue }
                // a pasted block: its next lines are already waiting; read them first, so a line
                // that continues the statement (`  group by category count`) joins it
                if editor.pasting || editor.inputPending { continue }
                lines = []
                editor.remember(entry)
                history.append(entry)
                if running({ session.run(text, name: Message.sourceREPL.text(session.options.lang)) }) == .quit { return 0 }
            }
        }
    }

    /// Runs a statement with the terminal's "^C" echo off, so a cancel prints only its message.
    func running(_ body: () -> Session.Outcome) -> Session.Outcome {
        let echoed = ocop_tty_echoctl(0, 0)
        defer { if echoed == 1 { _ = ocop_tty_echoctl(0, 1) } }
        return body()
    }

    /// Without libedit (it failed to start): plain lines, same statements.
    func runPlain() -> Int32 {
        session.greet()
        var pending = ""
        while true {
            sink.out(pending.isEmpty ? Repl.prompt : Repl.continuation)
            guard let line = readLine(strippingNewline: true) else { return 0 }
            pending += pending.isEmpty ? line : "\n" + line
            if !session.isComplete(pending) { continue }
            let text = pending
            pending = ""
            if session.run(text, name: Message.sourceREPL.text(session.options.lang)) == .quit { return 0 }
        }
    }
}
