import CEditLine
import Foundation

/// Bracketed paste: the terminal wraps pasted text in ESC[200~ … ESC[201~, so the REPL knows
/// the lines of a paste belong together and runs a pasted block as one script (a line that
/// continues a statement joins it) instead of running its first line alone.
extension LineEditor {
    enum PasteMarker { case start, end }

    /// Asks the terminal to mark pastes (not on a terminal that cannot take escapes).
    func enableBracketedPaste() {
        guard canRedraw else { return }
        ocop_flush_stdout()
        FileHandle.standardOutput.write(Data("\u{1B}[?2004h".utf8))
    }

    func disableBracketedPaste() {
        guard canRedraw else { return }
        ocop_flush_stdout()
        FileHandle.standardOutput.write(Data("\u{1B}[?2004l".utf8))
    }

    /// After an ESC: the rest of a paste marker, read if it is there; otherwise what was read
    /// goes back for libedit (an arrow key is ESC [ A).
    func pasteMarker() -> PasteMarker? {
        var read: [Unicode.Scalar] = []
        func next() -> Unicode.Scalar? {
            var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, 50) > 0, let s = readScalar() else { return nil }
            read.append(s)
            return s
        }
        func giveBack() -> PasteMarker? {
            pushback += read
            return nil
        }
        for expected in ["[", "2", "0"] as [Unicode.Scalar] {
            guard next() == expected else { return giveBack() }
        }
        guard let digit = next(), digit == "0" || digit == "1", next() == "~" else { return giveBack() }
        return digit == "0" ? .start : .end
    }
}
