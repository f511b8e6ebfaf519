import Foundation

/// Weights behind `Collation.key`. A key is three levels joined by 0x01 (every weight is
/// ≥ 0x02, so a shorter level sorts first):
///   L1 primary — one element per letter, digit run, space or symbol:
///     0x02 white space · 0x03–0x0E+1 byte punctuation and symbols in root order
///     (`CollationSymbols`) · 0x23+3 bytes other symbols (code point order) ·
///     0x28 len digits… a run of ASCII digits as a number · 0x40–0x81 Latin
///     letters in Vietnamese order, 2 apart (a ă â b c d đ e ê f … o ô ơ … u ư v w x y z)
///     so a letter like þ or ŋ can sit just after its neighbour · 0xE0+3 bytes any other
///     letter (code point order).
///   L2 secondary — per element 0x02, then the weights of its marks: tones ngang (none) <
///     huyền 0x03 < hỏi 0x04 < ngã 0x05 < sắc 0x06 < nặng 0x07; other marks after; a digit
///     run's leading zeros as 0x90 + count (so 7 < 07 < 007 < 8).
///   L3 tertiary — per element 0x02 lower (or caseless), 0x03 upper; 0x04/0x05 fullwidth.
/// L2 and L3 are stored with their commons (0x02) run-length compressed, see
/// `Collation.KeyWriter`: "Mật ong bạc hà" has 6 L2 bytes and 2 L3 bytes.
enum CollationWeights {
    static let levelSeparator: UInt8 = 0x01
    static let common: UInt8 = 0x02
    static let space: UInt8 = 0x02
    static let symbolMarker: UInt8 = 0x23
    static let digitMarker: UInt8 = 0x28
    static let genericMarker: UInt8 = 0xE0
    static let lower: UInt8 = 0x02, upper: UInt8 = 0x03

    /// The Vietnamese alphabet plus f j w z in their usual places.
    static let alphabet: [Character] = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i",
        "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
    static func letter(_ c: Character) -> UInt8 { 0x40 + 2 * UInt8(alphabet.firstIndex(of: c)!) }

    /// Secondary weight of a combining mark: the tones first (CLDR "vi" tailoring), then the
    /// common Latin marks in root (DUCET) order, then the rest of U+0300–U+036F.
    static func markWeight(_ cp: UInt32) -> UInt8 {
        switch cp {
        case 0x0300, 0x0340: return 0x03  // huyền
        case 0x0309: return 0x04          // hỏi
        case 0x0303: return 0x05          // ngã
        case 0x0301, 0x0341: return 0x06  // sắc
        case 0x0323: return 0x07          // nặng
        case 0x0343: return markWeight(0x0313)
        case 0x0338: return markWeight(0x0335)
        case 0x0300...0x036F:
            if let k = rootOrder.firstIndex(of: cp) { return 0x08 + UInt8(k) }
            return 0x14 + UInt8(cp - 0x0300)
        default: return otherMark
        }
    }
    /// breve, circumflex, caron, ring, diaeresis, double acute, dot above, stroke, cedilla,
    /// ogonek, macron.
    static let rootOrder: [UInt32] = [0x0306, 0x0302, 0x030C, 0x030A, 0x0308, 0x030B, 0x0307, 0x0335,
                                      0x0327, 0x0328, 0x0304]
    /// Between the two elements of æ œ ß ĳ (as in the root collation, after every mark).
    static let ligature: UInt8 = 0x84
    /// Marks outside U+0300–U+036F.
    static let otherMark: UInt8 = 0x85
    static let stroke = markWeight(0x0335)
    static let breve = markWeight(0x0306), circumflex = markWeight(0x0302), horn = markWeight(0x031B)
    /// A digit run's leading zeros: 0x90 + count.
    static let leadingZeros: UInt8 = 0x90

    /// 3 bytes, each ≥ 0x02, in code point order.
    @inline(__always)
    static func encode(_ cp: UInt32) -> UInt32 {
        (2 + (cp >> 14)) | (2 + ((cp >> 7) & 0x7F)) << 8 | (2 + (cp & 0x7F)) << 16
    }

    /// Vowel a/e/o/u that a following breve, circumflex or horn turns into ă â ê ô ơ ư.
    static let contractA: UInt8 = 1, contractE: UInt8 = 2, contractO: UInt8 = 3, contractU: UInt8 = 4

    /// The letter a contractible vowel becomes with `mark`, or 0.
    @inline(__always)
    static func contraction(_ vowel: UInt8, _ mark: UInt8) -> UInt8 {
        switch (vowel, mark) {
        case (contractA, breve): return letterĂ
        case (contractA, circumflex): return letterÂ
        case (contractE, circumflex): return letterÊ
        case (contractO, circumflex): return letterÔ
        case (contractO, horn): return letterƠ
        case (contractU, horn): return letterƯ
        default: return 0
        }
    }
    static let letterĂ = letter("ă"), letterÂ = letter("â"), letterÊ = letter("ê")
    static let letterÔ = letter("ô"), letterƠ = letter("ơ"), letterƯ = letter("ư")
}

/// What one code point contributes to a collation key.
struct CollationEntry {
    enum Kind: UInt8 { case ignorable, mark, element, digit }
    var kind: Kind = .ignorable
    /// L1 bytes, first in the low byte.
    var primary: UInt32 = 0
    var primaryLength: UInt8 = 0
    /// Elements (each gets one L2 common and one L3 weight): 1, or 2 for ß æ œ ĳ, whose L2
    /// is common, ligature, common.
    var elements: UInt8 = 0
    var tertiary: UInt8 = CollationWeights.lower
    /// 0, or the vowel (contractA…) a following breve/circumflex/horn turns into a new letter.
    var contract: UInt8 = 0
    /// Up to 3 marks, each weight | ccc << 8, first in the low bits.
    var marks: UInt64 = 0
    var markCount: UInt8 = 0

    mutating func addMark(_ weight: UInt8, _ ccc: UInt8) {
        if contract != 0 {
            let l = CollationWeights.contraction(contract, weight)
            if l != 0 { primary = UInt32(l); contract = 0; return }
        }
        guard markCount < 3 else { return }
        marks |= (UInt64(weight) | UInt64(ccc) << 8) << (16 * UInt64(markCount))
        markCount += 1
    }
}

/// The per-code-point entries for U+0000–U+1FFF, built once with Foundation's canonical
/// decomposition (so precomposed letters get the same weights as base + marks).
struct CollationTable: @unchecked Sendable {
    static let limit: UInt32 = 0x2000
    let entries: UnsafeMutablePointer<CollationEntry>

    static let shared = CollationTable()

    /// Decodes the generated table (CollationTableData.swift, static data in the binary):
    /// building it with Foundation took ~56M instructions, the first text sort of a session.
    private init() {
        entries = .allocate(capacity: Int(Self.limit))
        let packed = CollationTableData.packed
        for i in 0..<Int(Self.limit) {
            entries[i] = CollationEntry(unpacking: packed[2 * i], packed[2 * i + 1])
        }
    }

    /// The table computed with Foundation's decompositions; CollationTableData.swift is this,
    /// packed, generated by `OCOP_RECORD=1 swift test --filter CollationTableData`, which also
    /// checks it.
    static func build() -> [CollationEntry] {
        var entries = [CollationEntry](repeating: CollationEntry(), count: Int(Self.limit))
        var built = [Bool](repeating: false, count: Int(Self.limit))
        var memo = [CollationEntry](repeating: CollationEntry(), count: Int(Self.limit))
        func entry(_ cp: UInt32) -> CollationEntry {
            if cp >= Self.limit { return Self.runtime(cp) }
            if built[Int(cp)] { return memo[Int(cp)] }
            let e = Self.build(cp, entry)
            memo[Int(cp)] = e
            built[Int(cp)] = true
            return e
        }
        for cp in 0..<Self.limit { entries[Int(cp)] = entry(cp) }
        return entries
    }

    /// The entry of one code point: ASCII and special letters by hand, a canonical
    /// decomposition as its base plus marks (contracting a + breve into ă and so on), the
    /// rest by general category.
    private static func build(_ cp: UInt32, _ entry: (UInt32) -> CollationEntry) -> CollationEntry {
        if cp < 0x80 { return ascii(UInt8(cp)) }
        if let s = special(cp) { return s }
        guard let scalar = Unicode.Scalar(cp) else { return generic(cp) }
        let d = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
        if d.count > 1 || (d.count == 1 && d[0] != scalar) {
            var base = entry(d[0].value)
            var rest = d.dropFirst()
            if base.kind == .mark {
                // A mark that decomposes into marks (U+0344, U+0340, …).
                base = CollationEntry(kind: .mark)
                rest = d[...]
            } else if base.kind != .element {
                return classify(scalar)
            }
            for m in rest {
                let me = entry(m.value)
                guard me.kind == .mark else { return classify(scalar) }
                for k in 0..<Int(me.markCount) {
                    let v = me.marks >> (16 * UInt64(k))
                    base.addMark(UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8))
                }
            }
            return base
        }
        return classify(scalar)
    }

    private static func ascii(_ b: UInt8) -> CollationEntry {
        typealias W = CollationWeights
        var e = CollationEntry()
        switch b {
        case 0x30...0x39:
            e.kind = .digit
        case 0x41...0x5A, 0x61...0x7A:
            let lower = b | 0x20
            e.kind = .element
            e.elements = 1
            e.primaryLength = 1
            e.primary = UInt32(W.letter(Character(Unicode.Scalar(lower))))
            e.tertiary = b < 0x61 ? W.upper : W.lower
            switch lower {
            case UInt8(ascii: "a"): e.contract = W.contractA
            case UInt8(ascii: "e"): e.contract = W.contractE
            case UInt8(ascii: "o"): e.contract = W.contractO
            case UInt8(ascii: "u"): e.contract = W.contractU
            default: break
            }
        case 0x09...0x0D, 0x20:
            e = single(W.space)
        case 0x21...0x7E:
            e = symbol(UInt32(b))
        default:
            break  // other controls are ignorable
        }
        return e
    }

    private static func single(_ primary: UInt8, tertiary: UInt8 = CollationWeights.lower) -> CollationEntry {
        CollationEntry(kind: .element, primary: UInt32(primary), primaryLength: 1, elements: 1, tertiary: tertiary)
    }

    /// Letters without a decomposition that still belong near a Latin letter.
    private static func special(_ cp: UInt32) -> CollationEntry? {
        typealias W = CollationWeights
        func letter(_ c: Character, _ upper: Bool, offset: UInt8 = 0) -> CollationEntry {
            single(W.letter(c) + offset, tertiary: upper ? W.upper : W.lower)
        }
        func stroked(_ c: Character, _ upper: Bool) -> CollationEntry {
            var e = letter(c, upper)
            e.addMark(W.stroke, 1)
            return e
        }
        func expansion(_ s: String, _ upper: Bool) -> CollationEntry {
            let bytes = s.map { W.letter($0) }
            // Two elements; the key writes the ligature weight between them.
            return CollationEntry(kind: .element, primary: UInt32(bytes[0]) | UInt32(bytes[1]) << 8,
                                  primaryLength: 2, elements: 2, tertiary: upper ? W.upper : W.lower)
        }
        switch cp {
        // đ, and the look-alikes pasted in its place: Ð ð (eth), Ɖ ɖ (African D).
        case 0x0110, 0x00D0, 0x0189: return letter("đ", true)
        case 0x0111, 0x00F0, 0x0256: return letter("đ", false)
        case 0x00D8: return stroked("o", true)
        case 0x00F8: return stroked("o", false)
        case 0x0141, 0x023D: return stroked("l", true)
        case 0x0142, 0x019A: return stroked("l", false)
        case 0x0126: return stroked("h", true)
        case 0x0127: return stroked("h", false)
        case 0x0166: return stroked("t", true)
        case 0x0167: return stroked("t", false)
        case 0x0243: return stroked("b", true)
        case 0x0180: return stroked("b", false)
        case 0x0197: return stroked("i", true)
        case 0x0268: return stroked("i", false)
        case 0x0244: return stroked("u", true)
        case 0x0289: return stroked("u", false)
        case 0x01B5: return stroked("z", true)
        case 0x01B6: return stroked("z", false)
        case 0x01E4: return stroked("g", true)
        case 0x01E5: return stroked("g", false)
        case 0x0248: return stroked("j", true)
        case 0x0249: return stroked("j", false)
        case 0x024C: return stroked("r", true)
        case 0x024D: return stroked("r", false)
        case 0x024E: return stroked("y", true)
        case 0x024F: return stroked("y", false)
        case 0x023B: return stroked("c", true)
        case 0x023C: return stroked("c", false)
        case 0x00C6: return expansion("ae", true)
        case 0x00E6: return expansion("ae", false)
        case 0x0152: return expansion("oe", true)
        case 0x0153: return expansion("oe", false)
        case 0x0132: return expansion("ij", true)
        case 0x0133: return expansion("ij", false)
        case 0x00DF: return expansion("ss", false)
        case 0x1E9E: return expansion("ss", true)
        case 0x00DE: return letter("z", true, offset: 1)   // Þ
        case 0x00FE: return letter("z", false, offset: 1)  // þ
        case 0x014A: return letter("n", true, offset: 1)   // Ŋ
        case 0x014B: return letter("n", false, offset: 1)  // ŋ
        case 0x0131: return letter("i", false, offset: 1)  // ı
        case 0x018F, 0x0190: return letter("ê", true, offset: 1)         // Ə Ɛ
        case 0x0259, 0x01DD, 0x025B: return letter("ê", false, offset: 1)  // ə ǝ ɛ
        case 0x0186: return letter("ơ", true, offset: 1)   // Ɔ
        case 0x0254: return letter("ơ", false, offset: 1)  // ɔ
        case 0x0138: return letter("q", false, offset: 1)  // ĸ
        case 0x017F: return letter("s", false).with(tertiary: 0x04)  // ſ
        default: return nil
        }
    }

    /// By general category, for code points with no decomposition.
    private static func classify(_ s: Unicode.Scalar) -> CollationEntry {
        typealias W = CollationWeights
        let cp = s.value
        let p = s.properties
        switch p.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return single(W.space)
        case .control:
            return cp == 0x85 ? single(W.space) : CollationEntry()
        case .format:
            return CollationEntry()
        case .nonspacingMark, .enclosingMark:
            if (0xFE00...0xFE0F).contains(cp) || (0xE0100...0xE01EF).contains(cp) { return CollationEntry() }
            var e = CollationEntry(kind: .mark)
            e.addMark(W.markWeight(cp), UInt8(p.canonicalCombiningClass.rawValue))
            return e
        case .uppercaseLetter, .titlecaseLetter:
            let lower = p.lowercaseMapping.unicodeScalars
            if cp < limit, lower.count == 1, let l = lower.first, l != s {
                var e = generic(l.value)
                e.tertiary = W.upper
                return e
            }
            return generic(cp)
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return symbol(cp)
        default:
            return generic(cp)
        }
    }

    /// Punctuation or a symbol: its root-order group, else after them all by code point.
    private static func symbol(_ cp: UInt32) -> CollationEntry {
        if let g = CollationSymbols.groups[cp] {
            return CollationEntry(kind: .element, primary: CollationSymbols.primary(g), primaryLength: 2, elements: 1)
        }
        return CollationEntry(kind: .element, primary: UInt32(CollationWeights.symbolMarker) | CollationWeights.encode(cp) << 8,
                              primaryLength: 4, elements: 1)
    }

    private static func generic(_ cp: UInt32) -> CollationEntry {
        CollationEntry(kind: .element, primary: UInt32(CollationWeights.genericMarker) | CollationWeights.encode(cp) << 8,
                       primaryLength: 4, elements: 1)
    }

    /// Entry for a code point above the table, from the standard library's properties.
    static func runtime(_ cp: UInt32) -> CollationEntry {
        if cp >= 0xFF01 && cp <= 0xFF5E {
            // Fullwidth ASCII: the ASCII letter or sign, tertiary-different.
            var e = shared.entries[Int(cp - 0xFEE0)]
            if e.kind == .digit {
                e = CollationEntry(kind: .element,
                                   primary: UInt32(CollationWeights.digitMarker) | 3 << 8 | (cp - 0xFEE0) << 16,
                                   primaryLength: 3, elements: 1)
            }
            e.tertiary += 2
            e.contract = 0
            return e
        }
        guard let s = Unicode.Scalar(cp) else { return generic(cp) }
        return classify(s)
    }
}

extension CollationEntry {
    func with(tertiary t: UInt8) -> CollationEntry {
        var e = self
        e.tertiary = t
        return e
    }
}

/// The packed form of an entry, for the generated table.
extension CollationEntry {
    /// Two words: kind | primaryLength << 8 | elements << 16 | tertiary << 24 | primary << 32,
    /// and marks (48 bits) | contract << 48 | markCount << 56.
    var packed: (UInt64, UInt64) {
        (UInt64(kind.rawValue) | UInt64(primaryLength) << 8 | UInt64(elements) << 16 | UInt64(tertiary) << 24 | UInt64(primary) << 32,
         (marks & 0xFFFF_FFFF_FFFF) | UInt64(contract) << 48 | UInt64(markCount) << 56)
    }

    init(unpacking a: UInt64, _ b: UInt64) {
        kind = Kind(rawValue: UInt8(truncatingIfNeeded: a)) ?? .ignorable
        primaryLength = UInt8(truncatingIfNeeded: a >> 8)
        elements = UInt8(truncatingIfNeeded: a >> 16)
        tertiary = UInt8(truncatingIfNeeded: a >> 24)
        primary = UInt32(truncatingIfNeeded: a >> 32)
        marks = b & 0xFFFF_FFFF_FFFF
        contract = UInt8(truncatingIfNeeded: b >> 48)
        markCount = UInt8(truncatingIfNeeded: b >> 56)
    }

}
