/// The fixed words of the data and their Vietnamese spellings: a field whose values are a few
/// words ocop writes itself (`status`: active, expired, revoked; `change`: new, renewed,
/// upgraded, …) takes the Vietnamese word in a comparison too, so `status = "hết hạn"` is
/// `status = "expired"`. Words compare folded (case, diacritics and spacing ignored:
/// "het han", "Hết hạn"). The values shown stay the data's own.
enum FixedWords {
    /// field → (the data's value, the Vietnamese words meaning it).
    static let table: [String: [(value: String, words: [String])]] = [
        "status": [
            ("active", ["còn hiệu lực", "đang hiệu lực", "hiệu lực", "còn hạn"]),
            ("expired", ["hết hạn", "hết hiệu lực", "quá hạn"]),
            ("revoked", ["thu hồi", "đã thu hồi", "bị thu hồi"]),
        ],
        "change": [
            ("new", ["mới", "công nhận mới"]),
            ("renewed", ["gia hạn", "công nhận lại"]),
            ("upgraded", ["nâng hạng", "nâng sao"]),
            ("downgraded", ["hạ hạng", "hạ sao"]),
            ("removed", ["bị loại", "đã bỏ", "không còn"]),
            ("renamed", ["đổi tên"]),
        ],
    ]

    static let folded: [String: [String: String]] = table.mapValues { entries in
        var map: [String: String] = [:]
        for e in entries { for w in e.words { map[HeaderAliases.key(w)] = e.value } }
        return map
    }

    /// The data's value that `text` names in `field`: "expired" for "hết hạn" in status;
    /// `text` itself when it is not one of the field's Vietnamese words.
    static func value(_ text: String, field: String) -> String {
        folded[field]?[HeaderAliases.key(text)] ?? text
    }

    /// The codes of `pool` (the column `field`) equal to `text` as `=` compares: canonically,
    /// after a Vietnamese fixed word became the data's.
    /// A province field also takes the province's other spellings (ProvinceSpellings).
    static func codes(_ pool: StringPool, equalTo text: String, field: String) -> [UInt32] {
        let same = pool.codes(canonicallyEqualTo: value(text, field: field))
        guard ProvinceSpellings.fields.contains(field) else { return same }
        let spelt = ProvinceSpellings.codes(pool, naming: text)
        return spelt.isEmpty ? same : Array(Set(same).union(spelt)).sorted()
    }
}
