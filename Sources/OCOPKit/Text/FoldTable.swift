import Foundation

/// The byte table behind `VietText.foldBytes`: one entry per code point U+0000–U+1EFF holding
/// the UTF-8 of its folded form. Built once, on first use, with Foundation's
/// diacritic- and case-insensitive folding plus the Vietnamese fixes Foundation lacks
/// (đ/Đ and the look-alikes Ð ð Ɖ ɖ → d; combining marks → nothing).
struct FoldTable: @unchecked Sendable {
    /// Code points at or above this pass through unchanged.
    static let limit: UInt32 = 0x1F00

    /// Entry layout: low byte = length (0…7), then up to 7 UTF-8 bytes, first byte lowest.
    /// Never freed: the table lives as long as the process.
    let entries: UnsafeMutablePointer<UInt64>

    static let shared = FoldTable()

    private init() {
        let count = Int(Self.limit)
        entries = .allocate(capacity: count)
        var memo = [[UInt8]?](repeating: nil, count: count)
        func folded(_ cp: UInt32) -> [UInt8] {
            if cp >= Self.limit { return Array(String(Unicode.Scalar(cp)!).utf8) }
            if let m = memo[Int(cp)] { return m }
            let f = Self.folded(cp, folded)
            memo[Int(cp)] = f
            return f
        }
        for cp in 0..<UInt32(count) {
            entries[Int(cp)] = Self.pack(folded(cp))
        }
    }

    /// The folded UTF-8 of one code point. A code point with a canonical decomposition
    /// folds to the folds of its parts, so NFC and NFD input always fold alike.
    private static func folded(_ cp: UInt32, _ part: (UInt32) -> [UInt8]) -> [UInt8] {
        if cp < 0x80 {
            let b = UInt8(cp)
            return [b >= 0x41 && b <= 0x5A ? b | 0x20 : b]
        }
        guard let scalar = Unicode.Scalar(cp) else { return [] }
        switch cp {
        case 0x0110, 0x0111, 0x00D0, 0x00F0, 0x0189, 0x0256: return [0x64]  // Đ đ Ð ð Ɖ ɖ
        case 0x0300...0x036F: return []
        default: break
        }
        let original = Array(String(scalar).utf8)
        let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        if parts.count > 1 || parts.first != scalar {
            let bytes = parts.flatMap { part($0.value) }
            return bytes.count <= 7 && bytes.count <= 3 * original.count ? bytes : original
        }
        if isMark(scalar) {
            // A mark folds away when Foundation strips it from a letter it follows.
            return fold("a\(String(scalar))") == "a" ? [] : original
        }
        let f = fold(String(scalar))
        var scalars = String.UnicodeScalarView()
        for s in f.unicodeScalars where !(0x0300...0x036F).contains(s.value) { scalars.append(s) }
        var bytes = Array(String(scalars).precomposedStringWithCanonicalMapping.utf8)
        if bytes.isEmpty && !isMark(scalar) { bytes = original }
        // Keep the entry packable, and never let a fold grow beyond 3× its input bytes.
        if bytes.count > 7 || bytes.count > 3 * original.count { bytes = original }
        return bytes
    }

    private static func fold(_ s: String) -> String {
        s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func pack(_ bytes: [UInt8]) -> UInt64 {
        var v = UInt64(bytes.count)
        for (i, b) in bytes.enumerated() { v |= UInt64(b) << (8 * UInt64(i + 1)) }
        return v
    }
}
