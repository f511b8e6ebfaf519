/// The columns `ocop` knows by name, with their types. Other columns in a file are kept and
/// typed by inference.
enum Schema {
    static let products: [(String, DataType)] = [
        ("id", .text), ("name", .text), ("category", .text), ("producer_id", .text),
        ("stars", .integer), ("score", .decimal), ("certified_on", .date), ("expires_on", .date),
        ("province", .text), ("district", .text), ("commune", .text),
        // flat lists (one spreadsheet, no producers file) name the producer instead of an id
        ("producer_name", .text), ("decision", .text), ("level", .text),
        // published lists (issue 15): one address cell, a year only (ListColumns.swift)
        ("address", .text), ("certified_year", .integer),
    ]
    static let producers: [(String, DataType)] = [
        ("id", .text), ("name", .text), ("kind", .text),
        ("province", .text), ("district", .text), ("commune", .text), ("address", .text),
    ]
    /// certifications.csv|json: one row per certification decision (Certifications.swift).
    static let certifications: [(String, DataType)] = [
        ("product_id", .text), ("stars", .integer), ("score", .decimal), ("level", .text),
        ("decision", .text), ("certified_on", .date), ("expires_on", .date), ("status", .text),
        ("certified_year", .integer),
    ]
    /// units.csv|json: the 2025 reorganisation, old address → new unit (Units.swift).
    static let units: [(String, DataType)] = [
        ("province", .text), ("district", .text), ("commune", .text),
        ("new_province", .text), ("new_commune", .text),
    ]

    /// The known columns of `table`, in their usual order.
    static func columns(of table: String) -> [(String, DataType)] {
        switch table {
        case "products": return products
        case "producers": return producers
        case "certifications": return certifications
        case "units": return units
        default: return []
        }
    }

    static func declared(_ table: String, _ column: String) -> DataType? {
        columns(of: table).first { $0.0 == column }?.1
    }

    /// How long a certificate is valid: 36 months from the decision date.
    static let validityMonths = 36

    /// Points needed for each star (Decisions 1048/2019 and 148/2023): 5★ 90–100, 4★ 70–89,
    /// 3★ 50–69, 2★ 30–49, 1★ under 30. A band is lower bound inclusive, upper exclusive
    /// (89.5 is a 4★ score).
    static func band(stars: Int64) -> (low: Double, high: Double)? {
        switch stars {
        case 5: return (90, 100.000_001)
        case 4: return (70, 90)
        case 3: return (50, 70)
        case 2: return (30, 50)
        case 1: return (0, 30)
        default: return nil
        }
    }

    /// The product categories: the six groups of Decision 919/QĐ-TTg (2022) and 148/QĐ-TTg
    /// (2023), then the six of Decision 490 (2018), still found in older lists.
    static let categories = [
        "Thực phẩm", "Đồ uống", "Dược liệu và sản phẩm từ dược liệu", "Hàng thủ công mỹ nghệ",
        "Sinh vật cảnh", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        "Thảo dược", "Vải và may mặc", "Lưu niệm – nội thất – trang trí",
        "Dịch vụ du lịch nông thôn, bán hàng",
    ]
}
