/// A flat list: one spreadsheet of products that names each producer (`Chủ thể`) and has no
/// producers file. A producers table is synthesised from the distinct names so that
/// `producer.name`, `group by producer.name` and `count(products)` work as on a full dataset.
enum FlatList {
    /// Adds `producers` (name, kind) and the `producer`/`products` relations when products has
    /// a `producer_name` column and the folder has no producers file.
    ///
    /// Names that differ only in case, spacing or Unicode form are one producer (the first
    /// spelling is kept). With a `producer_id` column too, producers are keyed by it instead.
    /// `kind` is read from the name's prefix (HTX → Hợp tác xã, Công ty → Doanh nghiệp,
    /// THT → Tổ hợp tác, Hộ kinh doanh / Cơ sở → Hộ kinh doanh), empty when there is none.
    static func synthesizeProducers(_ ds: Dataset) {
        guard ds.tables["producers"] == nil, let products = ds.tables["products"],
              let nameColumn = products.column("producer_name"),
              case .text(let names, let namePool) = nameColumn.storage else { return }
        // the key of each row: producer_id's code, else the name's code folded to a group
        var keyOfCode: [Int32]
        let keys: [UInt32]
        if let idc = products.column("producer_id"), case .text(let ids, let idPool) = idc.storage {
            // by text: a pool that stopped deduplicating has one code per cell
            var group: [String: Int32] = [:]
            keyOfCode = (0..<UInt32(idPool.count)).map { c in
                let k = idPool.string(c)
                if let g = group[k] { return g }
                let g = Int32(group.count)
                group[k] = g
                return g
            }
            keys = ids
        } else {
            var group: [String: Int32] = [:]
            keyOfCode = (0..<UInt32(namePool.count)).map { c in
                let k = nameKey(namePool.string(c))
                if let g = group[k] { return g }
                let g = Int32(group.count)
                group[k] = g
                return g
            }
            keys = names
        }
        // producer rows in order of first appearance
        var producerOfKey = [Int32](repeating: -1, count: keyOfCode.count)
        var parentRow = [Int32](repeating: -1, count: products.rowCount)
        var producerNames: [Value] = []
        for r in 0..<products.rowCount {
            let c = keys[r]
            guard c != StringPool.nullCode else { continue }
            let k = Int(keyOfCode[Int(c)])
            if producerOfKey[k] < 0 {
                producerOfKey[k] = Int32(producerNames.count)
                producerNames.append(names[r] == StringPool.nullCode ? .null : .text(namePool.string(names[r])))
            }
            parentRow[r] = producerOfKey[k]
        }
        guard !producerNames.isEmpty else { return }
        let kinds = producerNames.map { v -> Value in
            guard case .text(let s) = v, let k = kind(ofName: s) else { return .null }
            return .text(k)
        }
        let producers = Table(name: "producers", columns: [
            Column.from(name: "name", type: .text, values: producerNames),
            Column.from(name: "kind", type: .text, values: kinds),
        ], rowCount: producerNames.count)
        ds.add(producers)
        Relations.connect(products, parentRow, to: producers, as: "producer", inverse: "products")
    }

    /// What two spellings of one producer's name share: canonical tones, lower case, single spaces.
    static func nameKey(_ name: String) -> String {
        VietText.canonical(name).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The producer kind a name's prefix says: `HTX Tài Hoan` → Hợp tác xã.
    static func kind(ofName name: String) -> String? {
        let k = HeaderAliases.key(name) + " "
        for (prefixes, kind) in prefixes where prefixes.contains(where: { k.hasPrefix($0 + " ") }) { return kind }
        return nil
    }

    private static let prefixes: [([String], String)] = [
        (["htx", "hop tac xa"], "Hợp tác xã"),
        (["cong ty", "cty", "doanh nghiep", "dntn"], "Doanh nghiệp"),
        (["tht", "to hop tac"], "Tổ hợp tác"),
        (["ho kinh doanh", "hkd", "co so", "ho"], "Hộ kinh doanh"),
    ]
}
