import Foundation

/// Reads a dataset folder (or the embedded sample) into tables and links their relations.
/// A load either succeeds completely or fails with the file, line and column.
public enum Loader {
    /// The dataset in `folder`: products.csv|json (required), producers.csv|json (optional).
    public static func load(folder: String) throws(Diagnostic) -> Dataset {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) else {
            throw Diagnostic.data("no such data folder", file: folder, hints: ["give a folder that holds products.csv or products.json"])
        }
        guard isDir.boolValue else {
            throw Diagnostic.data("not a folder", file: folder, hints: ["--data takes the folder that holds products.csv, not the file itself"])
        }
        let ds = Dataset(folder: folder)
        guard let products = try table(named: "products", in: folder) else {
            throw Diagnostic.data("no products.csv or products.json in this folder", file: folder)
        }
        ds.add(products)
        if let producers = try table(named: "producers", in: folder) { ds.add(producers) }
        try link(ds)
        return ds
    }

    /// The sample dataset compiled into the binary.
    public static func sample() -> Dataset {
        let ds = Dataset(folder: nil)
        do {
            ds.add(try csvTable(bytes: PackageResources.products_csv, name: "products", file: "<sample>/products.csv"))
            ds.add(try csvTable(bytes: PackageResources.producers_csv, name: "producers", file: "<sample>/producers.csv"))
            try link(ds)
        } catch {
            fatalError("the embedded sample does not load: \(error.rendered())")
        }
        return ds
    }

    static func table(named name: String, in folder: String) throws(Diagnostic) -> Table? {
        let csv = (folder as NSString).appendingPathComponent("\(name).csv")
        let json = (folder as NSString).appendingPathComponent("\(name).json")
        let fm = FileManager.default
        if fm.fileExists(atPath: csv) {
            let data = try read(csv)
            return try csvTable(bytes: data, name: name, file: csv)
        }
        if fm.fileExists(atPath: json) {
            return try JSONLoader.table(bytes: try read(json), name: name, file: json)
        }
        return nil
    }

    static func read(_ path: String) throws(Diagnostic) -> Data {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw Diagnostic.data("cannot read this file (permission denied)", file: path)
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw Diagnostic.data("cannot read this file: \(error.localizedDescription)", file: path)
        }
    }

    // MARK: CSV

    static func csvTable<B: ContiguousBytes>(bytes: B, name: String, file: String) throws(Diagnostic) -> Table {
        let result: Result<Table, Diagnostic> = bytes.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            do { return .success(try csvTable(buffer: all, name: name, file: file)) }
            catch let d as Diagnostic { return .failure(d) }
            catch { return .failure(Diagnostic.data("\(error)", file: file)) }
        }
        return try result.get()
    }

    static func csvTable(buffer all: UnsafeBufferPointer<UInt8>, name: String, file: String) throws(Diagnostic) -> Table {
        var start = 0
        if all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { start = 3 }
        var scanner = CSVScanner(all, from: start)
        func fail(_ message: String, at offset: Int, hint: String? = nil) -> Diagnostic {
            let (line, col) = CSVScanner.location(in: all, of: offset)
            return Diagnostic.data(message, file: file, line: line, column: col, hints: hint.map { [$0] } ?? [])
        }
        // skip blank lines before the header
        while !scanner.atEnd && (all[scanner.pos] == 10 || all[scanner.pos] == 13) { scanner.pos += 1 }
        guard !scanner.atEnd else {
            throw Diagnostic.data("the file is empty: a header row is needed", file: file,
                                  hints: ["the first line names the columns: id,name,category,…"])
        }
        // header
        var headers: [String] = []
        var headerOffsets: [Int] = []
        do {
            while true {
                let (f, last) = try scanner.nextField()
                let bytes = f.hasEscapes ? scanner.unescaped(f) : Array(UnsafeBufferPointer(rebasing: all[f.start..<f.end]))
                if let bad = bytes.withUnsafeBufferPointer(UTF8Check.firstInvalid) {
                    throw fail("the file is not UTF-8 text (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))", at: f.start + bad,
                               hint: "re-save the file as UTF-8 (Excel: Save As → CSV UTF-8); it may be in Windows-1258 or TCVN3")
                }
                headers.append(VietText.nfc(String(decoding: bytes, as: UTF8.self)).trimmingSpaces)
                headerOffsets.append(f.start)
                if last { break }
            }
        } catch let e as CSVScanner.ScanError {
            throw fail(e.message, at: e.offset, hint: e.hint)
        } catch let d as Diagnostic {
            throw d
        } catch { throw Diagnostic.data("\(error)", file: file) }
        for (i, h) in headers.enumerated() {
            if h.isEmpty { throw fail("column \(i + 1) has no name in the header", at: headerOffsets[i]) }
            if let j = headers[..<i].firstIndex(of: h) {
                throw fail("the header names '\(h)' twice (columns \(j + 1) and \(i + 1))", at: headerOffsets[i])
            }
        }
        let estimate = max(16, (all.count - scanner.pos) / max(1, 12 * headers.count))
        let builders = headers.map { ColumnBuilder(name: $0, declared: Schema.declared(name, $0), capacity: estimate) }
        var rows = 0
        do {
            while !scanner.atEnd {
                // a blank line (or the final line end) is not a record
                let b = all[scanner.pos]
                if b == 10 || b == 13 {
                    _ = try scanner.nextField()
                    continue
                }
                let recordLine = scanner.line
                var i = 0
                while true {
                    let fieldStart = scanner.pos
                    let (f, last) = try scanner.nextField()
                    if i >= builders.count {
                        throw fail("line \(recordLine) has more than \(headers.count) fields", at: fieldStart,
                                   hint: "quote fields that contain commas: \"a, b\"")
                    }
                    do throws(ColumnBuilder.CellError) {
                        if f.hasEscapes {
                            try builders[i].add(bytes: scanner.unescaped(f))
                        } else {
                            try builders[i].add(UnsafeBufferPointer(rebasing: all[f.start..<f.end]))
                        }
                    } catch {
                        throw fail(error.message, at: f.quoted ? f.start - 1 : f.start, hint: error.hint)
                    }
                    i += 1
                    if last { break }
                }
                if i < builders.count {
                    throw fail("line \(recordLine) has \(i) field\(i == 1 ? "" : "s"), the header has \(headers.count)",
                               at: scanner.pos > 0 ? scanner.pos - 1 : 0, hint: "every row needs one value (or an empty cell) per column")
                }
                rows += 1
            }
        } catch let e as CSVScanner.ScanError {
            throw fail(e.message, at: e.offset, hint: e.hint)
        } catch let d as Diagnostic {
            throw d
        } catch { throw Diagnostic.data("\(error)", file: file) }
        return Table(name: name, columns: builders.map { $0.finish() }, rowCount: rows)
    }

    // MARK: relations and derived columns

    /// products.producer_id → producers.id as `producer`, its inverse as `products`, and
    /// expires_on defaulted to certified_on + 36 months.
    static func link(_ ds: Dataset) throws(Diagnostic) {
        guard let products = ds.tables["products"] else { return }
        if let cert = products.column("certified_on"), case .date(let certified) = cert.storage {
            var expires: [Int32]
            if let e = products.column("expires_on"), case .date(let given) = e.storage { expires = given }
            else { expires = [Int32](repeating: Column.nullDate, count: products.rowCount) }
            for r in 0..<products.rowCount where expires[r] == Column.nullDate && certified[r] != Column.nullDate {
                expires[r] = Day(days: certified[r]).adding(months: Schema.validityMonths)?.days ?? Column.nullDate
            }
            products.setColumn(Column(name: "expires_on", storage: .date(expires)))
        }
        guard let producers = ds.tables["producers"],
              let pid = products.column("producer_id"), case .text(let pcodes, let ppool) = pid.storage,
              let id = producers.column("id"), case .text(let icodes, let ipool) = id.storage else { return }
        // id entry → producer row
        var rowOfEntry = [Int32](repeating: -1, count: ipool.count)
        for r in 0..<producers.rowCount where icodes[r] != StringPool.nullCode {
            if rowOfEntry[Int(icodes[r])] == -1 { rowOfEntry[Int(icodes[r])] = Int32(r) }
        }
        // producer_id entry → producer row, one hash lookup per distinct value
        var target = [Int32](repeating: -1, count: ppool.count)
        for c in 0..<UInt32(ppool.count) {
            if let ic = ipool.code(of: ppool.string(c)) { target[Int(c)] = rowOfEntry[Int(ic)] }
        }
        var producerRow = [Int32](repeating: -1, count: products.rowCount)
        var counts = [Int32](repeating: 0, count: producers.rowCount + 1)
        for r in 0..<products.rowCount {
            let c = pcodes[r]
            if c != StringPool.nullCode {
                let p = target[Int(c)]
                producerRow[r] = p
                if p >= 0 { counts[Int(p) + 1] += 1 }
            }
        }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var fill = counts
        var owned = [Int32](repeating: 0, count: Int(counts[producers.rowCount]))
        for r in 0..<products.rowCount where producerRow[r] >= 0 {
            let p = Int(producerRow[r])
            owned[Int(fill[p])] = Int32(r)
            fill[p] += 1
        }
        products.relations["producer"] = .toOne(target: producers, rows: producerRow)
        producers.relations["products"] = .toMany(target: products, offsets: counts, rows: owned)
    }
}
