import CEditLine
import Foundation
import OCOPKit

/// The interactive loop. PLACEHOLDER: plain line reading; the REPL work replaces it with the
/// libedit editor (history, completion, Ctrl-C).
public final class Repl {
    let session: Session
    let sink: OutputSink

    public init(session: Session, sink: OutputSink) {
        self.session = session
        self.sink = sink
    }

    /// Runs until end of input or `quit`; returns the exit status.
    public func run() -> Int32 {
        _ = setlocale(LC_ALL, "")
        sink.out(session.welcome() + "\n")
        var pending = ""
        while true {
            sink.out(pending.isEmpty ? "ocop> " : "  ... ")
            guard let line = readLine(strippingNewline: true) else { return 0 }
            pending += pending.isEmpty ? line : "\n" + line
            if !session.isComplete(pending) { continue }
            let text = pending
            pending = ""
            if session.run(text, name: "<repl>") == .quit { return 0 }
        }
    }
}
