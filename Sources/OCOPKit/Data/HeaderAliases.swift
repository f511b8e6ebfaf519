/// Headers of real spreadsheets: provincial OCOP lists are kept in Excel with Vietnamese
/// column titles. A header is compared *folded* (lower case, tones and marks removed, đ → d,
/// anything but letters and digits read as one space), so `Tên sản phẩm`, `TÊN SẢN PHẨM`,
/// `Ten san pham`, an NFD `Tên sản phẩm` and `Tên sản phẩm (*)` are the same header.
///
/// | header (any case, with or without marks) | column | tables |
/// |---|---|---|
/// | Mã sản phẩm, Mã SP | id (certifications: product_id) | products, certifications |
/// | Tên sản phẩm, Tên SP, Sản phẩm | name | products |
/// | Chủ thể, Tên chủ thể, Chủ thể sản xuất, Cơ sở sản xuất, Đơn vị | producer_name (producers: name) | products, producers |
/// | Mã chủ thể | producer_id (producers: id) | products, producers |
/// | Loại hình, Loại hình chủ thể | kind | producers |
/// | Hạng sao, Số sao, Sao, Xếp hạng, Xếp hạng sao, Phân hạng, Hạng, Kết quả phân hạng | stars | products, certifications |
/// | Điểm, Tổng điểm, Điểm số, Điểm đánh giá, Số điểm | score | products, certifications |
/// | Phân loại, Ngành, Ngành hàng, Nhóm ngành, Nhóm sản phẩm, Loại sản phẩm | category | products |
/// | Tỉnh, Tỉnh/Thành phố, Tỉnh thành | province | all |
/// | Huyện, Quận/Huyện, Huyện/Thị xã/Thành phố | district | all |
/// | Xã, Xã/Phường, Xã/Phường/Thị trấn, Phường/Xã | commune | all |
/// | Ngày công nhận, Ngày cấp, Ngày quyết định, Ngày cấp chứng nhận | certified_on | products, certifications |
/// | Ngày hết hạn, Hết hạn, Hiệu lực đến, Có hiệu lực đến, Thời hạn | expires_on | products, certifications |
/// | Số quyết định, Quyết định, Số QĐ, Quyết định công nhận | decision | products, certifications |
/// | Địa chỉ, Địa chỉ chủ thể | address (split into commune, district, province: ListColumns.swift) | products, producers |
/// | Năm công nhận | certified_year (a year only: ListColumns.swift says what follows) | products, certifications |
/// | Cấp, Cấp công nhận | level | products, certifications |
/// | Trạng thái, Tình trạng | status | certifications |
/// | Tỉnh mới; Xã mới, Xã/Phường mới | new_province; new_commune | units |
/// | STT, TT, Số TT, Số thứ tự | ignored (a row number) | all |
///
/// A header that already is a column name (`stars`, `Certified On`) is that column. Any other
/// header stays a field under its own (NFC) text.
enum HeaderAliases {
    enum Resolution: Equatable {
        /// A known column, under its canonical name.
        case column(String)
        /// A row-number column: not loaded.
        case ignored
        /// An unknown header: kept as a field as written.
        case keep(String)
    }

    /// The folded comparison key: `Tên sản phẩm (*)` → `ten san pham`.
    static func key(_ header: String) -> String {
        var out = ""
        var space = false
        for ch in VietText.fold(header).unicodeScalars {
            if ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(ch)
            } else {
                space = true
            }
        }
        return out
    }

    private static let all: Set<String> = ["products", "producers", "certifications", "units"]

    /// (keys, canonical column, tables where the alias applies)
    private static let entries: [([String], String, Set<String>)] = [
        (["ma san pham", "ma sp"], "id", ["products"]),
        (["ma san pham", "ma sp"], "product_id", ["certifications"]),
        (["ten san pham", "ten sp", "san pham", "ten san pham ocop"], "name", ["products"]),
        (["chu the", "ten chu the", "chu the san xuat", "co so san xuat", "don vi", "chu the ocop"], "producer_name", ["products"]),
        (["chu the", "ten chu the", "chu the san xuat", "co so san xuat", "don vi"], "name", ["producers"]),
        (["ma chu the"], "producer_id", ["products"]),
        (["ma chu the"], "id", ["producers"]),
        (["loai hinh", "loai hinh chu the", "loai chu the"], "kind", ["producers"]),
        (["hang sao", "so sao", "sao", "xep hang", "xep hang sao", "hang sao ocop", "phan hang", "hang",
          "ket qua phan hang", "phan hang sao", "ket qua danh gia phan hang", "ket qua xep hang"], "stars", ["products", "certifications"]),
        (["diem", "tong diem", "diem so", "diem danh gia", "so diem", "ket qua danh gia diem", "diem cham"], "score", ["products", "certifications"]),
        (["phan loai", "nganh", "nganh hang", "nhom nganh", "nhom san pham", "loai san pham"], "category", ["products"]),
        (["tinh", "tinh thanh pho", "tinh thanh", "tinh tp", "tinh cu"], "province", all),
        (["huyen", "quan huyen", "huyen thi xa thanh pho", "huyen thi xa", "huyen tx tp", "huyen cu"], "district", all),
        (["xa", "xa phuong", "xa phuong thi tran", "phuong xa", "xa phuong tt", "xa cu"], "commune", all),
        (["ngay cong nhan", "ngay cap", "ngay quyet dinh", "ngay cap chung nhan", "ngay cong nhan ocop"], "certified_on", ["products", "certifications"]),
        (["ngay het han", "het han", "hieu luc den", "co hieu luc den", "thoi han", "han hieu luc"], "expires_on", ["products", "certifications"]),
        (["so quyet dinh", "quyet dinh", "so qd", "so quyet dinh cong nhan", "quyet dinh cong nhan", "qd cong nhan"], "decision", ["products", "certifications"]),
        (["dia chi", "dia chi chu the", "dia chi san xuat", "dia chi co so san xuat"], "address", ["products", "producers"]),
        (["nam cong nhan", "nam duoc cong nhan", "nam dat ocop"], "certified_year", ["products", "certifications"]),
        (["cap", "cap cong nhan", "cap danh gia"], "level", ["products", "certifications"]),
        (["trang thai", "tinh trang"], "status", ["certifications"]),
        (["tinh moi"], "new_province", ["units"]),
        (["xa moi", "xa phuong moi", "phuong xa moi"], "new_commune", ["units"]),
    ]

    private static let ignoredKeys: Set<String> = ["stt", "tt", "so tt", "so thu tu"]

    /// Built once: (table, key) → column.
    private static let index: [String: [String: String]] = {
        var out: [String: [String: String]] = [:]
        for (keys, column, tables) in entries {
            for t in tables { for k in keys { out[t, default: [:]][k] = column } }
        }
        return out
    }()

    /// What header `header` (NFC, trimmed) of a file of `table` stands for.
    static func resolve(_ header: String, table: String) -> Resolution {
        if Schema.declared(table, header) != nil { return .column(header) }
        // plain ASCII that is not a known name: keep as written, no folding needed
        let k = key(header)
        if ignoredKeys.contains(k) { return .ignored }
        if let c = index[table]?[k] { return .column(c) }
        let underscored = k.replacingOccurrences(of: " ", with: "_")
        if Schema.declared(table, underscored) != nil { return .column(underscored) }
        return .keep(header)
    }
}

extension HeaderAliases {
    /// A file's header row resolved: the column names to load, the ignored positions, and the
    /// aliases used (canonical name → header as written).
    struct HeaderMap {
        var names: [String]
        var ignored: Set<Int>
        var aliases: [String: String]
    }

    struct HeaderProblem: Error {
        /// 0-based position of the offending header cell.
        var column: Int
        var message: Message
    }

    /// Resolves every header cell of `table`'s file; two cells that mean the same column are
    /// an error naming both.
    static func columns(_ headers: [String], table: String) throws(HeaderProblem) -> HeaderMap {
        var map = HeaderMap(names: [], ignored: [], aliases: [:])
        var seen: [String: Int] = [:]
        for (i, h) in headers.enumerated() {
            let name: String
            switch resolve(h, table: table) {
            case .ignored:
                map.ignored.insert(i)
                map.names.append(h)
                continue
            case .column(let c):
                name = c
                if c != h { map.aliases[c] = h }
            case .keep(let k):
                name = k
            }
            if let j = seen[name] {
                throw HeaderProblem(column: i, message: headers[j] == h
                    ? .headerNamedTwice(name: h, first: j + 1, second: i + 1)
                    : .headerSameMeaning(a: headers[j], b: h, name: name, first: j + 1, second: i + 1))
            }
            seen[name] = i
            map.names.append(name)
        }
        return map
    }
}
