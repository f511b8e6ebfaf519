/// The one UTF-8 decoder of the text keys (collation keys and prefixes, tone placement, the
/// NFC check): inlined into each loop, so it costs what the five hand-written copies did.
enum UTF8Scalar {
    /// The code point starting at byte `i` of `p` (`n` bytes) and its length in bytes. The
    /// lead byte decides the length when the sequence fits before `n`; continuation bytes
    /// are not checked (the callers read text that is valid UTF-8: loaded cells are
    /// checked, Swift strings are valid). A byte that cannot start a sequence, or one cut
    /// off by the end, reads as U+FFFD of one byte.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (cp: UInt32, len: Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0 && b0 < 0xF5 && i + 3 < n {
            return ((UInt32(b0 & 0x07) << 18) | (UInt32(p[i + 1] & 0x3F) << 12)
                    | (UInt32(p[i + 2] & 0x3F) << 6) | UInt32(p[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }
}
