import CEditLine
import Foundation
import OCOPKit

/// libedit's character reader, replaced: it decodes UTF-8 itself (whatever the locale says),
/// and it waits on the terminal and on the resize pipe together, so a window resize redraws
/// the line at once instead of leaving libedit's picture of the screen out of date.
extension LineEditor {
    /// One character into `out`: 1, or 0 at end of input, -1 on error.
    func readCharacter(_ out: UnsafeMutablePointer<wchar_t>) -> Int32 {
        if !pushback.isEmpty { return deliver(pushback.removeFirst(), out) }
        while true {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: resizeWake, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, resizeWake >= 0 ? 2 : 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if resizeWake >= 0, fds[1].revents & Int16(POLLIN) != 0 {
                var drain = [UInt8](repeating: 0, count: 64)
                while Foundation.read(resizeWake, &drain, drain.count) > 0 {}
                redrawAfterResize()
            }
            if fds[0].revents != 0 {
                guard let scalar = readScalar() else { return errno == 0 ? 0 : -1 }
                if scalar == "\u{1B}", let marker = pasteMarker() {
                    pasting = marker == .start
                    // a paste that ended with a line break inside a statement: the statement is
                    // whole now; an empty line tells the REPL so
                    if marker == .end && lastWasNewline && !context.isEmpty { return deliver("\r", out) }
                    continue
                }
                return deliver(scalar, out)
            }
        }
    }

    func deliver(_ scalar: Unicode.Scalar, _ out: UnsafeMutablePointer<wchar_t>) -> Int32 {
        lastWasNewline = scalar == "\r" || scalar == "\n"
        out.pointee = wchar_t(bitPattern: scalar.value)
        return 1
    }

    /// More input is already waiting (the rest of a pasted block of lines): the REPL reads it
    /// before running, so lines that continue a statement join it.
    var inputPending: Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 0) > 0 && fd.revents & Int16(POLLIN) != 0
    }

    /// One UTF-8 character from the terminal; an invalid sequence reads as U+FFFD. Nil at end
    /// of input (errno 0) or on error.
    func readScalar() -> Unicode.Scalar? {
        func byte() -> UInt8? {
            var b: UInt8 = 0
            while true {
                let n = Foundation.read(0, &b, 1)
                if n == 1 { return b }
                if n < 0 && errno == EINTR { continue }
                if n == 0 { errno = 0 }
                return nil
            }
        }
        guard let first = byte() else { return nil }
        if first < 0x80 { return Unicode.Scalar(first) }
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        var bytes = [first]
        for _ in 1..<max(length, 1) {
            guard let b = byte() else { return nil }
            bytes.append(b)
        }
        var decoder = UTF8()
        var it = bytes.makeIterator()
        if case .scalarValue(let s) = decoder.decode(&it) { return s }
        return "\u{FFFD}"
    }

    /// After SIGWINCH: let libedit take the new size, move to where the prompt now starts
    /// (terminals re-wrap the line to the new width), clear below, and draw prompt and line.
    func redrawAfterResize() {
        el_resize(el)
        guard canRedraw else { return }
        let up = LineEditor.rows(promptText + currentLine.beforeCursor, width: columns)
        let move = "\r" + (up > 0 ? "\u{1B}[\(up)A" : "") + "\u{1B}[J"
        ocop_flush_stdout()
        _ = Descriptor.write(1, move)
        _ = ocop_el_refresh(el)
    }
}

let readFunction: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = { el, out in
    guard let out, let e = editor(el) else { return -1 }
    return e.readCharacter(out)
}
