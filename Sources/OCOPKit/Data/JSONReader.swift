/// A strict RFC 8259 reader that keeps where every value starts.
///
/// Hand-written rather than Foundation's JSONSerialization for two measured reasons: on Linux
/// JSONSerialization accepts input RFC 8259 rejects (trailing commas: `[1,]`, `{"a":1,}`), and
/// it gives no position for a value, so a bad cell in item 9,000 could not be reported at its
/// line and column. Numbers are kept as written (`91.14` stays `91.14`, not a binary double
/// printed back), and the cell parsers type them like CSV cells.
struct JSONReader {
    indirect enum Value {
        case null
        case bool(Bool)
        /// The number exactly as written in the file.
        case number(String)
        case string(String)
        case array([Node])
        /// Members in file order.
        case object([Member])
    }

    struct Node {
        var value: Value
        /// Byte offset of the value's first character.
        var offset: Int
    }

    struct Member {
        var key: String
        /// Where the key's opening quote is.
        var keyOffset: Int
        var value: Node
    }

    struct Failure: Error {
        var message: Message
        var offset: Int
        var hint: Message?
    }

    /// Nesting deeper than this is refused (a file of 100,000 '[' must not overflow the stack).
    static let maxDepth = 512

    private let bytes: [UInt8]
    private var pos = 0
    private var depth = 0

    /// Reads one JSON value filling the whole input (a UTF-8 BOM and surrounding space allowed).
    static func read(_ bytes: [UInt8]) throws(Failure) -> Node {
        var r = JSONReader(bytes: bytes)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { r.pos = 3 }
        r.skipSpace()
        guard r.pos < bytes.count else {
            throw Failure(message: .jsonEmpty, offset: r.pos, hint: .helpJSONArray)
        }
        let node = try r.value()
        r.skipSpace()
        if r.pos < bytes.count {
            throw Failure(message: .jsonTrailingText, offset: r.pos, hint: .helpJSONOneArray)
        }
        return node
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: grammar

    private mutating func value() throws(Failure) -> Node {
        let start = pos
        guard pos < bytes.count else { throw Failure(message: .jsonEndsBeforeValue, offset: pos) }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return Node(value: try object(), offset: start)
        case UInt8(ascii: "["): return Node(value: try array(), offset: start)
        case UInt8(ascii: "\""): return Node(value: .string(try string()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return Node(value: .number(try number()), offset: start)
        case UInt8(ascii: "t"): try word("true"); return Node(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try word("false"); return Node(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try word("null"); return Node(value: .null, offset: start)
        case UInt8(ascii: "'"):
            throw Failure(message: .jsonSingleQuotes, offset: pos, hint: .helpJSONDoubleQuotes)
        default:
            throw Failure(message: .jsonExpectedValue, offset: pos)
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth {
            throw Failure(message: .jsonTooDeep(limit: Self.maxDepth), offset: pos)
        }
    }

    private mutating func array() throws(Failure) -> Value {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var items: [Node] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) { pos += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard pos < bytes.count else {
                throw Failure(message: .jsonArrayNotClosed, offset: pos)
            }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            guard bytes[pos] == UInt8(ascii: ",") else {
                throw Failure(message: .jsonExpectedCommaArray, offset: pos, hint: .helpJSONArrayCommas)
            }
            let comma = pos
            pos += 1
            skipSpace()
            if peek(UInt8(ascii: "]")) {
                throw Failure(message: .jsonTrailingCommaArray, offset: comma, hint: .helpRemoveLastComma)
            }
        }
    }

    private mutating func object() throws(Failure) -> Value {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var members: [Member] = []
        skipSpace()
        if peek(UInt8(ascii: "}")) { pos += 1; return .object(members) }
        while true {
            skipSpace()
            let keyAt = pos
            guard peek(UInt8(ascii: "\"")) else {
                throw Failure(message: .jsonExpectedKey, offset: pos, hint: .helpJSONObject)
            }
            let key = try string()
            skipSpace()
            guard peek(UInt8(ascii: ":")) else {
                throw Failure(message: .jsonExpectedColon(key: key), offset: pos)
            }
            pos += 1
            skipSpace()
            members.append(Member(key: key, keyOffset: keyAt, value: try value()))
            skipSpace()
            guard pos < bytes.count else {
                throw Failure(message: .jsonObjectNotClosed, offset: pos)
            }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
            guard bytes[pos] == UInt8(ascii: ",") else {
                throw Failure(message: .jsonExpectedCommaObject(key: key), offset: pos, hint: .helpJSONObjectCommas)
            }
            let comma = pos
            pos += 1
            skipSpace()
            if peek(UInt8(ascii: "}")) {
                throw Failure(message: .jsonTrailingCommaObject, offset: comma, hint: .helpRemoveLastComma)
            }
        }
    }

    /// string = '"' { unescaped | escape } '"' ; the bytes must be UTF-8.
    private mutating func string() throws(Failure) -> String {
        let open = pos
        pos += 1
        var out: [UInt8] = []
        var escaped = false, high = false
        var runStart = pos
        while true {
            guard pos < bytes.count else {
                throw Failure(message: .jsonUnterminatedText, offset: open)
            }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 {
                throw Failure(message: .jsonControlCharacter(code: hex(UInt32(b))), offset: pos,
                              hint: b == 10 ? .helpJSONLineBreak : .helpJSONEscapeControl)
            }
            if b == UInt8(ascii: "\\") {
                escaped = true
                out.append(contentsOf: bytes[runStart..<pos])
                try escape(into: &out)
                runStart = pos
                continue
            }
            if b >= 0x80 { high = true }
            pos += 1
        }
        let end = pos
        pos += 1
        // checked only when not ASCII; the escapes decode to valid UTF-8, so the bytes between
        // the quotes are valid exactly when the text is
        return try bytes.withUnsafeBufferPointer { (all) throws(Failure) -> String in
            let raw = UnsafeBufferPointer(rebasing: all[(open + 1)..<end])
            if high, let bad = UTF8Check.firstInvalid(raw) { throw notUTF8(raw[bad], at: open + 1 + bad) }
            if !escaped { return String(decoding: raw, as: UTF8.self) }
            out.append(contentsOf: raw[(runStart - open - 1)...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    private func notUTF8(_ byte: UInt8, at offset: Int) -> Failure {
        Failure(message: .jsonNotUTF8(byte: hex(UInt32(byte))), offset: offset, hint: .helpResaveFileUTF8)
    }

    private mutating func escape(into out: inout [UInt8]) throws(Failure) {
        let at = pos
        pos += 1
        guard pos < bytes.count else { throw Failure(message: .jsonUnterminatedText, offset: at) }
        let c = bytes[pos]
        pos += 1
        let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 8, 0x66: 12, 0x6E: 10, 0x72: 13, 0x74: 9]
        if let v = simple[c] { out.append(v); return }
        guard c == UInt8(ascii: "u") else {
            throw Failure(message: .jsonUnknownEscape(escape: String(Unicode.Scalar(c))), offset: at, hint: .helpJSONEscapes)
        }
        var code = try hex4(at: at)
        if (0xD800..<0xDC00).contains(code) {
            // a surrogate pair: \uD83D\uDE00
            guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                throw Failure(message: .jsonLoneSurrogate(code: hex(code)), offset: at)
            }
            pos += 2
            let low = try hex4(at: at)
            guard (0xDC00..<0xE000).contains(low) else { throw Failure(message: .jsonLoneSurrogate(code: hex(code)), offset: at) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(code) {
            throw Failure(message: .jsonLoneSurrogate(code: hex(code)), offset: at)
        }
        out.append(contentsOf: Array(String(Unicode.Scalar(code)!).utf8))
    }

    private mutating func hex4(at escape: Int) throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count, let d = Self.hexDigit(bytes[pos]) else {
                throw Failure(message: .jsonUnicodeEscapeDigits, offset: escape)
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    /// number = [ "-" ] int [ frac ] [ exp ] ;
    private mutating func number() throws(Failure) -> String {
        let start = pos
        func digits() -> Int {
            let s = pos
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
            return pos - s
        }
        if peek(UInt8(ascii: "-")) { pos += 1 }
        let intStart = pos
        let n = digits()
        guard n > 0 else { throw Failure(message: .jsonNumberAfterMinus, offset: start) }
        if n > 1 && bytes[intStart] == 0x30 {
            throw Failure(message: .jsonNumberLeadingZero, offset: start, hint: .helpCodesAsText)
        }
        if peek(UInt8(ascii: ".")) {
            pos += 1
            guard digits() > 0 else { throw Failure(message: .jsonNumberAfterPoint, offset: start) }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            pos += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { pos += 1 }
            guard digits() > 0 else { throw Failure(message: .jsonNumberExponent, offset: start) }
        }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    private mutating func word(_ w: String) throws(Failure) {
        let start = pos
        let n = w.utf8.count
        let ok = pos + n <= bytes.count && bytes[pos..<(pos + n)].elementsEqual(w.utf8)
        guard ok else {
            throw Failure(message: .jsonExpectedValue, offset: start, hint: .helpTextInDoubleQuotes)
        }
        pos += n
    }

    // MARK: bytes

    private mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    private func peek(_ b: UInt8) -> Bool { pos < bytes.count && bytes[pos] == b }

    private static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    private func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, (v > 0xFF ? 4 : 2) - s.count)) + s
    }
}
