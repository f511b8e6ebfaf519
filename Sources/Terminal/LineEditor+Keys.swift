import CEditLine
import Foundation
import OCOPKit

/// The keys ocop binds: ^C discards the line, Tab completes, ^Z suspends.
extension LineEditor {
    /// ^C: keep what was typed visible, mark it `^C`, and end the line; `read` discards it.
    func interruptKey() -> UInt8 {
        interrupted = true
        if let info = el_wline(el) {
            let after = info.pointee.lastchar - info.pointee.cursor
            if after > 0 { _ = el_cursor(el, Int32(after)) }
        }
        _ = wide("^C") { el_winsertstr(el, $0) }
        // returning CC_NEWLINE alone does not move to a new line; a pushed newline does
        wide("\n") { el_wpush(el, $0) }
        return UInt8(CC_REFRESH)
    }

    /// Tab: complete the word before the cursor; a second Tab where nothing can be added lists
    /// the candidates under the line. Inside a bracketed paste a tab is text, not a key: it is
    /// inserted as it is (as readline does), so a pasted line arrives whole.
    func completeKey() -> UInt8 {
        if pasting {
            _ = wide("\t") { el_winsertstr(el, $0) }
            return UInt8(CC_REFRESH)
        }
        guard let complete else { return UInt8(CC_ERROR) }
        let (before, all) = currentLine
        let text = context + before
        let completion = complete(text)
        let replaced = completion.word.unicodeScalars.count
        guard !completion.word.contains("\n"), replaced <= before.unicodeScalars.count else { return UInt8(CC_ERROR) }
        if let insertion = completion.insertion {
            el_deletestr(el, Int32(replaced))
            _ = wide(insertion) { el_winsertstr(el, $0) }
            lastTab = completion.candidates.count > 1 ? String(text.prefix(completion.replaceFrom)) + insertion : nil
            return UInt8(CC_REFRESH)
        }
        guard !completion.candidates.isEmpty, lastTab == text else {
            lastTab = text
            return UInt8(CC_ERROR) // a beep
        }
        let width = columns
        // below the whole line, then the list, then the line again
        let down = canRedraw ? LineEditor.rows(promptText + all, width: width) - LineEditor.rows(promptText + before, width: width) : 0
        var out = down > 0 ? "\u{1B}[\(down)B" : ""
        out += "\r\n" + completion.listing(width: width).replacingOccurrences(of: "\n", with: "\r\n")
        ocop_flush_stdout()
        _ = Descriptor.write(1, out)
        _ = ocop_el_refresh(el)
        return UInt8(CC_NORM)
    }

    /// ^Z: the terminal's own settings while stopped, editing again after `fg`.
    func suspendKey() -> UInt8 {
        var editing = termios()
        _ = tcgetattr(0, &editing)
        _ = tcsetattr(0, TCSADRAIN, &cooked)
        _ = kill(0, SIGTSTP) // returns once continued
        _ = tcsetattr(0, TCSADRAIN, &editing)
        return UInt8(CC_REDISPLAY) // the shell wrote over the line: draw it again
    }

    /// The terminal's width in columns (80 when unknown).
    var columns: Int {
        let c = Int(ocop_terminal_columns(1))
        return c > 0 ? c : 80
    }

    /// Rows below the first that `text` reaches when drawn from column 0 of a terminal `width`
    /// wide, with the cursor after it (libedit moves the cursor to the next row once a row is full).
    static func rows(_ text: String, width: Int) -> Int {
        var row = 0, col = 0
        for ch in text {
            if ch == "\n" { row += 1; col = 0; continue }
            let w = DisplayWidth.of(String(ch))
            if col + w > width { row += 1; col = 0 }
            col += w
        }
        return col >= width ? row + 1 : row
    }
}

let interruptFunction: ocop_el_func = { el, _ in
    editor(el)?.interruptKey() ?? UInt8(CC_ERROR)
}

let completeFunction: ocop_el_func = { el, _ in
    editor(el)?.completeKey() ?? UInt8(CC_ERROR)
}

let suspendFunction: ocop_el_func = { el, _ in
    editor(el)?.suspendKey() ?? UInt8(CC_ERROR)
}
