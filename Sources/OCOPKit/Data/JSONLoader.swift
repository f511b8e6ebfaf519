import Foundation

/// Reads a table from a JSON array of objects. Keys become columns (known columns in schema
/// order first, then the others in order of first appearance).
enum JSONLoader {
    static func table(bytes data: Data, name: String, file: String) throws(Diagnostic) -> Table {
        let bytes = [UInt8](data)
        func fail(_ message: String, at offset: Int, hints: [String] = []) -> Diagnostic {
            let (line, col) = bytes.withUnsafeBufferPointer { CSVScanner.location(in: $0, of: offset) }
            return Diagnostic.data(message, file: file, line: line, column: col, hints: hints)
        }
        let root: JSONReader.Node
        do {
            root = try JSONReader.read(bytes)
        } catch {
            throw fail("not valid JSON: \(error.message)", at: error.offset, hints: error.hint.map { [$0] } ?? [])
        }
        guard case .array(let items) = root.value else {
            throw fail("expected an array of objects: [{\"id\": …}, …]", at: root.offset)
        }
        var objects: [[String: JSONReader.Node]] = []
        var keys: [String] = Schema.columns(of: name).map(\.0)
        var present = Set<String>()
        var aliases: [String: String] = [:]
        // a key as a column name: Vietnamese spreadsheet headers too (HeaderAliases.swift)
        var resolved: [String: String?] = [:]
        func column(_ k: String) -> String? {
            if let r = resolved[k] { return r }
            let n = VietText.nfc(k).trimmingSpaces
            var r: String?
            switch HeaderAliases.resolve(n, table: name) {
            case .ignored: r = nil
            case .column(let c): r = c; if c != n { aliases[c] = n }
            case .keep(let x): r = x
            }
            resolved[k] = r
            return r
        }
        objects.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .object(let members) = item.value else {
                throw fail("item \(i + 1) of the array is not an object", at: item.offset,
                           hints: ["each item is one product: {\"id\": \"SP1\", \"name\": …}"])
            }
            var norm: [String: JSONReader.Node] = [:]
            var keyOf: [String: String] = [:]
            for m in members {
                guard let c = column(m.key) else { continue }
                if let first = keyOf[c] {
                    throw fail(first == m.key ? "item \(i + 1) has the key \"\(m.key)\" twice"
                                              : "item \(i + 1) has \"\(first)\" and \"\(m.key)\", both meaning \(c)", at: m.keyOffset,
                               hints: ["keep one of them"])
                }
                keyOf[c] = m.key
                if !keys.contains(c) { keys.append(c) }
                present.insert(c)
                norm[c] = m.value
            }
            objects.append(norm)
        }
        keys = keys.filter { present.contains($0) }
        var columns: [Column] = []
        for key in keys {
            let b = ColumnBuilder(name: key, declared: Schema.declared(name, key), capacity: objects.count)
            for (i, obj) in objects.enumerated() {
                guard let v = obj[key] else { b.addNull(); continue }
                let text: String
                switch v.value {
                case .null: b.addNull(); continue
                case .string(let s): text = s
                case .number(let n): text = n
                case .bool(let t): text = t ? "true" : "false"
                case .array, .object:
                    throw fail("item \(i + 1): '\(key)' holds a list or object; only plain values are allowed", at: v.offset)
                }
                do throws(ColumnBuilder.CellError) {
                    try b.add(bytes: Array(text.utf8))
                } catch {
                    throw fail("item \(i + 1): \(error.message)", at: v.offset, hints: error.hint.map { [$0] } ?? [])
                }
            }
            columns.append(b.finish())
        }
        let table = Table(name: name, columns: columns, rowCount: objects.count)
        table.headerAliases = aliases
        table.origin = TableOrigin(file: file, csvBytes: nil)
        return table
    }
}
