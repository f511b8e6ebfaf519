/// The columns `ocop` knows by name, with their types. Other columns in a file are kept and
/// typed by inference.
enum Schema {
    static let products: [(String, DataType)] = [
        ("id", .text), ("name", .text), ("category", .text), ("producer_id", .text),
        ("stars", .integer), ("score", .decimal), ("certified_on", .date), ("expires_on", .date),
        ("province", .text), ("district", .text), ("commune", .text),
    ]
    static let producers: [(String, DataType)] = [
        ("id", .text), ("name", .text), ("kind", .text),
        ("province", .text), ("district", .text), ("commune", .text),
    ]

    static func declared(_ table: String, _ column: String) -> DataType? {
        let list = table == "products" ? products : table == "producers" ? producers : []
        return list.first { $0.0 == column }?.1
    }

    /// How long a certificate is valid: 36 months from the decision date.
    static let validityMonths = 36
}
