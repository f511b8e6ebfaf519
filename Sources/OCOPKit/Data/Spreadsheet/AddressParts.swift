/// One `Địa chỉ` cell split into commune, district and province, as provincial lists write it:
/// `xã Nông Thượng, TP Bắc Kạn, tỉnh Bắc Kạn`, `Thôn Nà Vài, X. Côn Minh, H. Na Rì, Bắc Kạn`,
/// `phường Sông Cầu, thành phố Bắc Kạn`.
///
/// The parts are read from the comma-separated pieces by their unit word:
/// - commune: `xã`, `X.`, `phường`, `P.`, `thị trấn`, `TT`, `TT.`;
/// - district: `huyện`, `H.`, `quận`, `Q.`, `thị xã`, `TX`, `TX.`, `thành phố`, `TP`, `TP.`
///   (a city under a province: `TP Bắc Kạn`);
/// - province: `tỉnh`, `T.`; `thành phố`/`TP` naming one of the six centrally-run cities
///   (`quận Ba Đình, TP Hà Nội`, `TP.HCM`) or coming after a district; the last piece without a
///   unit word after one with a unit word (`…, H. Na Rì, Bắc Kạn`).
/// Pieces before the commune (thôn, bản, tổ, số nhà) are dropped. A part keeps its unit word
/// written out in full and in the usual case (`Xã Nông Thượng`, `Huyện Na Rì`, `Thành phố Bắc
/// Kạn`, `Tỉnh` is dropped for a province: `Bắc Kạn`), which is how products.csv files write
/// them and what Units.norm compares. A cell it cannot read gives nil parts, never a guess.
///
/// Used by the spreadsheet loader (a `Địa chỉ` column fills commune, district and province
/// when those columns are absent) and by the 2025 units table (issue 18).
public struct AddressParts: Equatable, Sendable {
    public var commune: String?
    public var district: String?
    public var province: String?

    public init(commune: String? = nil, district: String? = nil, province: String? = nil) {
        self.commune = commune
        self.district = district
        self.province = province
    }

    public var isEmpty: Bool { commune == nil && district == nil && province == nil }

    enum Level { case commune, district, province, city }

    /// Unit words (folded, as HeaderAliases.key writes them) → level and the full word kept.
    /// Longest first so `thanh pho` wins over `thanh`.
    private static let words: [(key: String, level: Level, full: String)] = [
        ("thanh pho", .city, "Thành phố"), ("thi tran", .commune, "Thị trấn"), ("thi xa", .district, "Thị xã"),
        ("phuong", .commune, "Phường"), ("huyen", .district, "Huyện"), ("quan", .district, "Quận"),
        ("tinh", .province, ""), ("xa", .commune, "Xã"),
        ("tp", .city, "Thành phố"), ("tx", .district, "Thị xã"), ("tt", .commune, "Thị trấn"),
        ("h", .district, "Huyện"), ("q", .district, "Quận"), ("x", .commune, "Xã"), ("p", .commune, "Phường"),
        ("t", .province, ""),
    ]

    /// The six centrally-run cities (folded): `thành phố` before them is a province.
    static let centralCities: Set<String> = [
        "ha noi", "ho chi minh", "hcm", "hai phong", "da nang", "can tho", "hue",
    ]

    /// The parts of `cell`; all nil when no piece names a unit.
    public static func parse(_ cell: String) -> AddressParts {
        let pieces = cell.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        var out = AddressParts()
        var sawUnit = false
        for (i, piece) in pieces.enumerated() {
            let isLast = i == pieces.count - 1
            guard let (level, full, name) = unit(of: piece) else {
                // the last piece without a unit word is the province: `…, Bắc Kạn`
                if isLast, sawUnit, out.province == nil { out.province = piece }
                continue
            }
            sawUnit = true
            switch level {
            case .commune: out.commune = full + " " + name
            case .district: out.district = full + " " + name
            case .province: out.province = name
            case .city:
                // a centrally-run city is a province (TP Hà Nội); any other city is a district
                // (TP Bắc Kạn), unless a district came before it
                if centralCities.contains(HeaderAliases.key(name)) || out.district != nil { out.province = name }
                else { out.district = full + " " + name }
            }
        }
        return out
    }

    /// The unit word a piece starts with, its full form, and the name after it.
    static func unit(of piece: String) -> (Level, String, String)? {
        // split off the first word, or an abbreviation with a point (`H.Na Rì`, `TP.Bắc Kạn`)
        let scalars = Array(piece)
        var cut = 0
        while cut < scalars.count, scalars[cut] != " ", scalars[cut] != "." { cut += 1 }
        guard cut > 0, cut < scalars.count else { return nil }
        var firstKey = HeaderAliases.key(String(scalars[..<cut]))
        var restStart = cut + 1
        // two-word unit words: thành phố, thị trấn, thị xã
        if scalars[cut] == " " {
            var next = restStart
            while next < scalars.count, scalars[next] != " ", scalars[next] != "." { next += 1 }
            let two = firstKey + " " + HeaderAliases.key(String(scalars[restStart..<next]))
            if ["thanh pho", "thi tran", "thi xa"].contains(two) {
                firstKey = two
                restStart = next + 1
            }
        }
        guard let w = words.first(where: { $0.key == firstKey }) else { return nil }
        // a one-letter abbreviation needs its point: `H. Na Rì`, not `H Na Rì` (a name)
        if firstKey.count == 1 && scalars[cut] != "." { return nil }
        guard restStart < scalars.count else { return nil }
        let name = String(scalars[restStart...]).trimmingSpaces
        guard !name.isEmpty, name.first?.isLetter == true || name.first?.isNumber == true else { return nil }
        return (w.level, w.full, name)
    }
}
