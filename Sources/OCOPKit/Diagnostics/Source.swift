/// A named piece of text that tokens and diagnostics point into (a script, a REPL line, `-e`).
public struct Source: Sendable {
    /// What diagnostics call it: a file path, `<repl>`, `<command line>`, `<stdin>`.
    public let name: String
    public let text: String
    /// UTF-8 bytes of `text`; ranges are byte offsets into this.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts.
    let lineStarts: [Int]
    /// Added to line numbers when the source is one statement of a larger file (REPL history).
    public let firstLine: Int

    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
        self.firstLine = firstLine
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// A script read as bytes, or an error at its first byte that is not UTF-8 (a script saved
    /// in a legacy Vietnamese encoding: Windows-1258, TCVN3, VNI).
    public static func decoding(_ bytes: [UInt8], name: String) throws(Diagnostic) -> Source {
        if let text = String(validating: bytes, as: UTF8.self) { return Source(name: name, text: text) }
        let bad = bytes.withUnsafeBufferPointer(UTF8Check.firstInvalid) ?? 0
        // the valid prefix decodes byte for byte, so the bad byte keeps its offset (as U+FFFD)
        let shown = Source(name: name, text: String(decoding: bytes, as: UTF8.self))
        var d = Diagnostic(.syntax, .scriptNotUTF8(byte: String(bytes[bad], radix: 16, uppercase: true)),
                           at: SourceRange(bad, bad + 3), in: shown, help: [.helpResaveUTF8])
        d.noTopic = true
        throw d
    }

    /// Zero-based line index holding byte `offset`.
    func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The text of zero-based line `index`, without its line end.
    func lineText(_ index: Int) -> String {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, end <= bytes.count, end - 1 >= start, bytes[end - 1] == 13 { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// One-based line and column (column counted in Characters, as a reader sees it).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(0, offset), bytes.count)
        let li = lineIndex(of: offset)
        let prefix = String(decoding: bytes[lineStarts[li]..<offset], as: UTF8.self)
        return (li + firstLine, prefix.count + 1)
    }

    /// The text covered by `range`.
    public func slice(_ range: SourceRange) -> String {
        let lo = min(max(0, range.start), bytes.count), hi = min(max(lo, range.end), bytes.count)
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

/// A half-open range of UTF-8 byte offsets in a `Source`.
public struct SourceRange: Equatable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(Swift.min(start, other.start), Swift.max(end, other.end))
    }
    public var description: String { "\(start)..<\(end)" }
}
