import Foundation

/// The ways lists and people write a province besides its name in the built-in table
/// (issue 18): abbreviations (TP HCM, TP.HCM, BR-VT, HN), old and popular names (Sài Gòn,
/// Thừa Thiên Huế), spellings (Bắc Cạn). One table read by the load (an address in `TP.HCM`
/// finds its commune in Hồ Chí Minh) and by every text comparison on a province field
/// (`province = "Hồ Chí Minh"` also finds rows written `TP.HCM`; FixedWords.codes). The
/// load compares names folded, as it does every place name; a query keeps the marks, as `=`
/// does (`province = "Bac Kan"` is not Bắc Kạn), and ignores case, punctuation and the type
/// word (`Tỉnh`, `TP`).
enum ProvinceSpellings {
    /// Spelling → the table's name. `ĐN` is both Đà Nẵng and Đồng Nai: an address tries
    /// both (its commune decides) and a query takes it for neither.
    static let table: [(spelling: String, provinces: [String])] = [
        ("Thừa Thiên Huế", ["Huế"]), ("Thừa Thiên - Huế", ["Huế"]), ("TT-Huế", ["Huế"]), ("TT Huế", ["Huế"]), ("TTH", ["Huế"]),
        ("Bắc Cạn", ["Bắc Kạn"]),
        ("HCM", ["Hồ Chí Minh"]), ("TPHCM", ["Hồ Chí Minh"]), ("TP HCM", ["Hồ Chí Minh"]), ("Sài Gòn", ["Hồ Chí Minh"]),
        ("Hồ Chí Minh City", ["Hồ Chí Minh"]),
        ("Bà Rịa Vũng Tàu", ["Bà Rịa - Vũng Tàu"]), ("BR-VT", ["Bà Rịa - Vũng Tàu"]), ("BRVT", ["Bà Rịa - Vũng Tàu"]),
        ("Vũng Tàu", ["Bà Rịa - Vũng Tàu"]),
        ("HN", ["Hà Nội"]), ("HP", ["Hải Phòng"]), ("ĐN", ["Đà Nẵng", "Đồng Nai"]),
        ("Đắc Lắc", ["Đắk Lắk"]), ("Đắc Nông", ["Đắk Nông"]),
    ]

    /// Spelling → the provinces it names, by `queryKey`.
    static let queryKeys: [String: [String]] = {
        var out: [String: [String]] = [:]
        for (s, ps) in table { out[queryKey(s)] = ps.map(queryKey) }
        return out
    }()

    /// `TP.HCM` → `tp hcm`: canonical, lower case, punctuation as spaces, marks kept.
    static func queryKey(_ s: String) -> String {
        VietText.canonical(s).lowercased().unicodeScalars
            .map { CharacterSet.alphanumerics.contains($0) ? String($0) : " " }.joined()
            .split(separator: " ").joined(separator: " ")
    }

    /// The key of the one province `written` names in a comparison: its name's, through the
    /// table when it is a spelling of another (nil for an ambiguous one: ĐN).
    static func provinceKey(_ written: String) -> String? {
        for r in PlaceName.readings(written) where r.word.map({ $0.levels.contains(.province) }) ?? true {
            let k = queryKey(r.name)
            if let ps = queryKeys[k] { return ps.count == 1 ? ps[0] : nil }
            return k
        }
        return nil
    }

    /// The fields holding a province's name.
    static let fields: Set<String> = ["province", "new_province", "old_province"]

    /// The codes of `pool` (a province field) that name the province `text` names, in
    /// another spelling: `TP.HCM`, `Thành phố Hồ Chí Minh` for "Hồ Chí Minh". One key per
    /// distinct value.
    static func codes(_ pool: StringPool, naming text: String) -> [UInt32] {
        guard let want = provinceKey(text), !want.isEmpty else { return [] }
        var out: [UInt32] = []
        for c in 0..<UInt32(pool.count) where provinceKey(pool.string(c)) == want { out.append(c) }
        return out
    }
}
