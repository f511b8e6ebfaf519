/// Products linked to a producers table by the producer's name, when neither side has the
/// producer id to link by (issue 15): a province's workbook with a "Chủ thể" sheet of
/// producers whose products sheet names each producer (`Chủ thể`) and numbers nothing.
///
/// Names are one producer when they differ only in case, spacing, Unicode form or tone
/// placement (FlatList.nameKey: `htx  nông nghiệp CÔN MINH` is `HTX Nông nghiệp Côn Minh`); a
/// duplicated producer name links to its first row. A product whose producer name is not in
/// the producers table is a load warning naming the row (and the nearest listed name, when
/// one is close: `HTX Quang Thuan` → `HTX Quang Thuận`).
enum ProducerNames {
    static func link(_ products: Table, to producers: Table, _ w: inout LoadWarnings) {
        guard products.relations["producer"] == nil, products.column("producer_id") == nil || producers.column("id") == nil,
              case .text(let codes, let pool)? = products.column("producer_name")?.storage,
              case .text(let names, let namePool)? = producers.column("name")?.storage else { return }
        var rowOfKey: [String: Int32] = [:]
        var listed: [String] = []
        for r in 0..<producers.rowCount where names[r] != StringPool.nullCode {
            let name = namePool.string(names[r])
            let k = FlatList.nameKey(name)
            if rowOfKey[k] == nil { rowOfKey[k] = Int32(r); listed.append(name) }
        }
        // one lookup per distinct name in the products' column
        var target = [Int32](repeating: -2, count: pool.count)
        var parentRow = [Int32](repeating: -1, count: products.rowCount)
        for r in 0..<products.rowCount where codes[r] != StringPool.nullCode {
            let c = Int(codes[r])
            if target[c] == -2 { target[c] = rowOfKey[FlatList.nameKey(pool.string(codes[r]))] ?? -1 }
            parentRow[r] = target[c]
        }
        Relations.connect(products, parentRow, to: producers, as: "producer", inverse: "products")
        let place: Message = producers.origin?.sheet.map { .sheetNamed(name: $0) } ?? .placeFile(file: producers.origin?.fileName ?? producers.name)
        for r in 0..<products.rowCount where codes[r] != StringPool.nullCode && parentRow[r] < 0 {
            let name = pool.string(codes[r])
            var help: [Message] = []
            if let near = EditDistance.nearest(name, in: listed) { help.append(.helpDidYouMean(word: near)) }
            help.append(.helpAddProducer(place: place))
            w.add(.unlistedProducer, products, row: r, help: help) { _ in .warnProducerNotListed(name: name, place: place) }
        }
    }
}
