/// A place as lists write it: an optional type word and the name. `xã Nông Thượng`,
/// `Nông Thượng` and `Xa Nong Thuong` are one place; `TP Bắc Kạn`, `Thành phố Bắc Kạn` and
/// `Bắc Kạn` name the city or the province. The one reading of type words in ocop: the built-in
/// units table (Units/), a list's units.csv and the split of an address cell use it.
public struct PlaceName: Hashable, Sendable {
    /// The type words of the three old levels and of the new communes. The raw value is the
    /// code the generated table stores (Tools/gen_units.py).
    public enum Word: UInt8, Sendable, CaseIterable {
        case province = 0x54 // T Tỉnh
        case city = 0x43 // C Thành phố (a province or a district)
        case district = 0x48 // H Huyện
        case urbanDistrict = 0x51 // Q Quận
        case town = 0x53 // S Thị xã
        case commune = 0x58 // X Xã
        case ward = 0x50 // P Phường
        case townlet = 0x52 // R Thị trấn
        case specialZone = 0x4B // K Đặc khu

        /// As the law writes it.
        public var text: String {
            switch self {
            case .province: "Tỉnh"
            case .city: "Thành phố"
            case .district: "Huyện"
            case .urbanDistrict: "Quận"
            case .town: "Thị xã"
            case .commune: "Xã"
            case .ward: "Phường"
            case .townlet: "Thị trấn"
            case .specialZone: "Đặc khu"
            }
        }

        public enum Level: Sendable { case province, district, commune }

        /// Where the word can stand: Thành phố is a province (Hà Nội) or a district (Bắc Kạn).
        public var levels: [Level] {
            switch self {
            case .province: [.province]
            case .city: [.province, .district]
            case .district, .urbanDistrict, .town: [.district]
            case .commune, .ward, .townlet, .specialZone: [.commune]
            }
        }
    }

    public var word: Word?
    /// The name without its type word, as written.
    public var name: String

    public init(word: Word?, name: String) {
        self.word = word
        self.name = name
    }

    /// `Phường Bắc Kạn`, or the bare name.
    public var full: String { word.map { "\($0.text) \(name)" } ?? name }

    /// The folded key of the name: `Nông Thượng` → `nong thuong`, `Phường 01` → `1`.
    public var key: String { Self.key(name) }

    /// The type words and their abbreviations, folded, longest first; one-letter
    /// abbreviations count only with their dot (`H. Ba Bể`, not `H Ba Bể`).
    static let spellings: [(folded: [String], word: Word)] = [
        (["thanh", "pho"], .city), (["thi", "tran"], .townlet), (["thi", "xa"], .town), (["dac", "khu"], .specialZone),
        (["tinh"], .province), (["huyen"], .district), (["quan"], .urbanDistrict), (["phuong"], .ward), (["xa"], .commune),
        (["tp"], .city), (["tx"], .town), (["tt"], .townlet),
        (["h"], .district), (["q"], .urbanDistrict), (["p"], .ward), (["x"], .commune),
    ]

    /// The reading of `s` with its type word taken off when it starts with one
    /// (`xã Nông Thượng`, `TP. Bắc Kạn`, `H. Ba Bể`, `Thi tran Phu Thong`).
    public static func parse(_ s: String) -> PlaceName {
        readings(s)[0]
    }

    /// Every way to read `s`, likeliest first: with its type word taken off, then the whole
    /// as a bare name, since real names can begin like a type word (`Quan Hóa`, `Phượng
    /// Dực`, `Xá Lượng`, and the ward `Phường Đúc` of Huế, written `Phường Phường Đúc`).
    public static func readings(_ s: String) -> [PlaceName] {
        let t = trimmed(s)
        let words = leadingWords(t)
        for (folded, word) in spellings where words.count > folded.count {
            guard zip(words, folded).allSatisfy({ $0.folded == $1 }) else { continue }
            if folded[0].utf8.count == 1 && !words[0].dotted { continue }
            let rest = String(t.utf8[words[folded.count].start...]) ?? ""
            return [PlaceName(word: word, name: rest), PlaceName(word: nil, name: t)]
        }
        return [PlaceName(word: nil, name: t)]
    }

    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0xA0 }
        guard let first = u.firstIndex(where: { !space($0) }), let last = u.lastIndex(where: { !space($0) }) else { return "" }
        if first == u.startIndex && last == u.index(before: u.endIndex) { return s }
        return String(s[first...last])
    }

    /// The first three words of `s` (split at spaces and after dots), folded, and whether a dot ends it.
    private static func leadingWords(_ s: String) -> [(folded: String, start: String.Index, dotted: Bool)] {
        var out: [(folded: String, start: String.Index, dotted: Bool)] = []
        let u = s.utf8
        var i = u.startIndex
        while i < u.endIndex && out.count < 3 {
            while i < u.endIndex && (u[i] == 0x20 || u[i] == 0x09) { i = u.index(after: i) }
            guard i < u.endIndex else { break }
            let start = i
            while i < u.endIndex && u[i] != 0x20 && u[i] != 0x09 && u[i] != 0x2E { i = u.index(after: i) }
            let word = VietText.fold(String(s[start..<i]))
            let dotted = i < u.endIndex && u[i] == 0x2E
            if dotted { i = u.index(after: i) }
            out.append((word, start, dotted))
        }
        return out
    }

    /// The folded comparison key of a name: lower case without marks, đ→d, one space between
    /// words, punctuation dropped, numbers without leading zeros (`Phường 01` = `Phường 1`).
    public static func key(_ s: String) -> String {
        var out: [UInt8] = [], word: [UInt8] = []
        func flush() {
            guard !word.isEmpty else { return }
            if word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                while word.count > 1 && word[0] == 0x30 { word.removeFirst() }
            }
            if !out.isEmpty { out.append(0x20) }
            out += word
            word.removeAll(keepingCapacity: true)
        }
        for b in VietText.fold(s).utf8 {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 { word.append(b) } else { flush() }
        }
        flush()
        return String(decoding: out, as: UTF8.self)
    }
}
