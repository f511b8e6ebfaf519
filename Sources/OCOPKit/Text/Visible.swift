/// Text as a terminal may safely show it. Data can hold anything: a product name with
/// `ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears the screen, a carriage return
/// overwrites what came before. Everything ocop renders for a person to read (table cells and
/// headers, records, charts, notes, error messages that quote data or source) goes through
/// `text`, which turns each control character into its visible symbol (ESC → ␛, U+0001 → ␁,
/// DEL → ␡; C1 controls U+0080–U+009F, which have no symbol, → �), so nothing in the data can
/// move the cursor or reach the terminal as a command, and every character counted for
/// alignment is one the reader sees. Data formats (csv, json, markdown, exports) never go
/// through it: their bytes are the data, escaped only as each format requires.
public enum Visible {
    /// `s` with its control characters made visible. Tabs stay when `tabs` (a source line under
    /// an error keeps them so the caret lines up below it); line ends stay when `lineEnds`
    /// (a message written as several lines).
    public static func text(_ s: String, tabs: Bool = false, lineEnds: Bool = false) -> String {
        guard needsChange(s, tabs: tabs, lineEnds: lineEnds) else { return s }
        var scalars = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 9 where tabs, 10 where lineEnds: scalars.append(u)
            case 0..<32: scalars.append(Unicode.Scalar(0x2400 + u.value) ?? "\u{FFFD}")
            case 0x7F: scalars.append("\u{2421}")
            case 0x80..<0xA0: scalars.append("\u{FFFD}")
            default: scalars.append(u)
            }
        }
        return String(scalars)
    }

    /// UTF-8 `bytes` decoded (a bad byte as �) and made visible as `text` does.
    public static func text(_ bytes: ArraySlice<UInt8>, tabs: Bool = false) -> String {
        text(String(decoding: bytes, as: UTF8.self), tabs: tabs)
    }

    /// True when `s` holds a character `text` would change: a byte below 0x20, DEL, or a C1
    /// control (UTF-8 C2 80 … C2 9F). One pass over the bytes; most text has none.
    static func needsChange(_ s: String, tabs: Bool, lineEnds: Bool) -> Bool {
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 {
                if !((b == 9 && tabs) || (b == 10 && lineEnds)) { return true }
            } else if b == 0x7F || (previous == 0xC2 && b < 0xA0 && b >= 0x80) {
                return true
            }
            previous = b
        }
        return false
    }

    // MARK: bounded quotes

    /// Most Characters of one piece of text a message quotes (a name, a value, a file name).
    public static let quoteLimit = 120
    /// Most Characters of a message not yet given a code (its text was built whole).
    public static let messageLimit = 1_000
    /// Most items of a list a message names (the fields of a table, the columns hidden).
    public static let listLimit = 30

    /// `s` cut to its first `limit` Characters and `…` when longer, with the length of the
    /// whole (`nil` when nothing was cut). A 10 MB name gives a short message, quickly: the
    /// prefix is found without reading the rest, and the rest is only counted.
    public static func bounded(_ s: String, limit: Int) -> (prefix: String, total: Int?) {
        // a limit of Characters is never more bytes than 4 a scalar, and a few scalars a Character:
        // short text is returned without walking it
        if s.utf8.count <= limit { return (s, nil) }
        var end = s.startIndex
        var n = 0
        while n < limit, end < s.endIndex {
            end = s.index(after: end)
            n += 1
        }
        guard end < s.endIndex else { return (s, nil) }
        return (String(s[..<end]) + "…", s.count)
    }
}
