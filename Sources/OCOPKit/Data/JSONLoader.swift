import Foundation

/// Reads a table from a JSON array of objects. Keys become columns (known columns in schema
/// order first, then the others in order of first appearance).
enum JSONLoader {
    static func table(bytes data: Data, name: String, file: String) throws(Diagnostic) -> Table {
        let bytes = [UInt8](data)
        func fail(_ message: Message, at offset: Int, help: [Message] = []) -> Diagnostic {
            let (line, col) = bytes.withUnsafeBufferPointer { CSVScanner.location(in: $0, of: offset) }
            return Diagnostic.data(message, file: file, line: line, column: col, help: help)
        }
        let root: JSONReader.Node
        do {
            root = try JSONReader.read(bytes)
        } catch {
            throw fail(.jsonInvalid(reason: error.message), at: error.offset, help: error.hint.map { [$0] } ?? [])
        }
        guard case .array(let items) = root.value else {
            throw fail(.jsonNotArray, at: root.offset)
        }
        // pass 1: each key to a column index (discovery order), each object to its members'
        // indices; the keys of one item are usually those of the item before, in the same order
        var found: [String] = []
        var indexOfColumn: [String: Int] = [:]
        var aliases: [String: String] = [:]
        var indexOfKey: [String: Int] = [:]
        func index(ofKey k: String) -> Int {
            if let r = indexOfKey[k] { return r }
            // a key as a column name: Vietnamese spreadsheet headers too (HeaderAliases.swift)
            let n = VietText.nfc(k).trimmingSpaces
            var c: String?
            switch HeaderAliases.resolve(n, table: name) {
            case .ignored: c = nil
            case .column(let x): c = x; if x != n { aliases[x] = n }
            case .keep(let x): c = x
            }
            var r = -1
            if let c {
                if let i = indexOfColumn[c] { r = i } else { r = found.count; indexOfColumn[c] = r; found.append(c) }
            }
            indexOfKey[k] = r
            return r
        }
        var objects: [[JSONReader.Member]] = []
        var columnsOf: [[Int]] = []
        objects.reserveCapacity(items.count)
        columnsOf.reserveCapacity(items.count)
        var previous: [JSONReader.Member] = [], previousColumns: [Int] = []
        for (i, item) in items.enumerated() {
            guard case .object(let members) = item.value else {
                throw fail(.jsonItemNotObject(n: String(i + 1)), at: item.offset, help: [.helpJSONItem])
            }
            var cols: [Int] = []
            cols.reserveCapacity(members.count)
            for (j, m) in members.enumerated() {
                cols.append(j < previous.count && previous[j].key == m.key ? previousColumns[j] : index(ofKey: m.key))
            }
            objects.append(members)
            columnsOf.append(cols)
            previous = members
            previousColumns = cols
        }
        // pass 2: columns in schema order first, then the others as they were found
        let schema = Schema.columns(of: name).map(\.0)
        let order = schema.compactMap { indexOfColumn[$0] } + found.indices.filter { !schema.contains(found[$0]) }
        let builders = order.map { ColumnBuilder(name: found[$0], declared: Schema.declared(name, found[$0]), capacity: objects.count) }
        var builderOf = [Int](repeating: 0, count: found.count)
        for (b, c) in order.enumerated() { builderOf[c] = b }
        var slot = [Int](repeating: -1, count: found.count)
        for (i, members) in objects.enumerated() {
            for k in slot.indices { slot[k] = -1 }
            for (j, c) in columnsOf[i].enumerated() where c >= 0 {
                // the same column twice in one item: one key twice, or two keys meaning one column
                if slot[builderOf[c]] >= 0 {
                    let first = members[slot[builderOf[c]]].key, m = members[j]
                    throw fail(first == m.key ? .jsonKeyTwice(n: String(i + 1), key: m.key)
                                              : .jsonKeysSameMeaning(n: String(i + 1), first: first, second: m.key, column: found[c]),
                               at: m.keyOffset, help: [.helpKeepOne])
                }
                slot[builderOf[c]] = j
            }
            for (bi, b) in builders.enumerated() {
                guard slot[bi] >= 0 else { b.addNull(); continue }
                let v = members[slot[bi]].value
                let text: String
                switch v.value {
                case .null: b.addNull(); continue
                case .string(let s): text = s
                case .number(let n): text = n
                case .bool(let t): text = t ? "true" : "false"
                case .array, .object:
                    throw fail(.jsonNestedValue(n: String(i + 1), column: b.name), at: v.offset)
                }
                do throws(ColumnBuilder.CellError) {
                    try b.add(bytes: Array(text.utf8))
                } catch {
                    throw fail(.jsonItem(n: String(i + 1), message: error.message), at: v.offset, help: error.hint.map { [$0] } ?? [])
                }
            }
        }
        let columns = builders.map { $0.finish() }
        let table = Table(name: name, columns: columns, rowCount: objects.count)
        table.headerAliases = aliases
        table.origin = TableOrigin(file: file, csvBytes: nil)
        return table
    }
}
