import Foundation

/// Reads a table from a JSON array of objects. Keys become columns (known columns in schema
/// order first, then the others in order of first appearance).
enum JSONLoader {
    static func table(bytes: Data, name: String, file: String) throws(Diagnostic) -> Table {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            let ns = error as NSError
            var d = Diagnostic.data("not valid JSON", file: file, hints: ["check the file with a JSON validator"])
            var index = ns.userInfo["NSJSONSerializationErrorIndex"] as? Int
            // Foundation on Linux gives the byte offset only inside its description:
            // "Invalid value around character 18." or "Unexpected end of file …".
            if index == nil, let why = ns.userInfo[NSDebugDescriptionErrorKey] as? String {
                if let r = why.range(of: "around character ") { index = Int(why[r.upperBound...].prefix(while: \.isNumber)) }
                else if why.contains("end of file") { index = bytes.count }
            }
            if let index {
                let (line, col) = bytes.withUnsafeBytes { CSVScanner.location(in: $0.bindMemory(to: UInt8.self), of: index) }
                d.line = line
                d.column = col
            }
            throw d
        }
        guard let array = parsed as? [Any] else {
            throw Diagnostic.data("expected an array of objects: [{\"id\": …}, …]", file: file, line: 1, column: 1)
        }
        var objects: [[String: Any]] = []
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
        for (i, item) in array.enumerated() {
            guard let obj = item as? [String: Any] else {
                throw Diagnostic.data("item \(i + 1) of the array is not an object", file: file)
            }
            for k in obj.keys.sorted() { if let c = column(k), !keys.contains(c) { keys.append(c) } }
            var norm: [String: Any] = [:]
            for (k, v) in obj {
                guard let c = column(k) else { continue }
                present.insert(c)
                norm[c] = v
            }
            objects.append(norm)
        }
        keys = keys.filter { present.contains($0) }
        var columns: [Column] = []
        for key in keys {
            let b = ColumnBuilder(name: key, declared: Schema.declared(name, key), capacity: objects.count)
            for (i, obj) in objects.enumerated() {
                guard let v = obj[key], !(v is NSNull) else { b.addNull(); continue }
                var text: String
                if let s = v as? String { text = s }
                else if let n = v as? NSNumber {
                    // JSON true/false arrive as NSNumber too; their Objective-C type is 'c' (char)
                    if String(cString: n.objCType) == "c" { text = n.boolValue ? "true" : "false" }
                    else { text = n.stringValue }
                } else {
                    throw Diagnostic.data("item \(i + 1): '\(key)' holds a list or object; only plain values are allowed", file: file)
                }
                do throws(ColumnBuilder.CellError) {
                    try b.add(bytes: Array(text.utf8))
                } catch {
                    throw Diagnostic.data("item \(i + 1): \(error.message)", file: file, hints: error.hint.map { [$0] } ?? [])
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
