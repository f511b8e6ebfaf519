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
            let file = try MappedFile(path: csv)
            return try csvTable(buffer: file.buffer, name: name, file: csv, mapped: file)
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

    static func csvTable(buffer all: UnsafeBufferPointer<UInt8>, name: String, file: String,
                         mapped: MappedFile? = nil) throws(Diagnostic) -> Table {
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
        // Two cores: each scans every record but fills only its own columns, so no merging is
        // needed. Columns are split by estimated cost (distinct text is the expensive part).
        let groups = splitColumns(all, from: scanner.pos, count: headers.count)
        let dataStart = scanner.pos, firstLine = scanner.line, headerCount = headers.count
        let results = UnsafeMutableBufferPointer<ScanOutcome>.allocate(capacity: groups.count)
        results.initialize(repeating: ScanOutcome(rows: 0, error: nil))
        defer { results.deallocate() }
        let shared = UncheckedBox((all, builders, groups, results, mapped))
        DispatchQueue.concurrentPerform(iterations: groups.count) { g in
            let (all, builders, groups, results, mapped) = shared.value
            results[g] = scanRecords(all, from: dataStart, line: firstLine, builders: builders,
                                     mine: groups[g], headerCount: headerCount, mapped: g == 0 ? mapped : nil)
        }
        let failures = results.compactMap(\.error).sorted { $0.offset < $1.offset }
        if let e = failures.first { throw fail(e.message, at: e.offset, hint: e.hint) }
        let rows = results[0].rows
        mapped?.release(upTo: all.count)
        return Table(name: name, columns: builders.map { $0.finish() }, rowCount: rows)
    }

    struct ScanOutcome {
        var rows: Int
        var error: CSVScanner.ScanError?
    }

    /// Which columns each core fills: balanced by a cost estimated from the first rows.
    static func splitColumns(_ all: UnsafeBufferPointer<UInt8>, from: Int, count: Int) -> [[Bool]] {
        let cores = min(2, ProcessInfo.processInfo.activeProcessorCount)
        guard cores > 1, count > 1, all.count - from > 1_000_000 else { return [Array(repeating: true, count: count)] }
        // sample up to 2,000 records: cost ~ bytes + distinctness
        var scanner = CSVScanner(all, from: from)
        var distinct = Array(repeating: Set<Int>(), count: count)
        var bytes = Array(repeating: 0, count: count)
        var records = 0
        while !scanner.atEnd && records < 2000 {
            var i = 0
            while let (f, last) = try? scanner.nextField() {
                if i < count {
                    bytes[i] += f.end - f.start
                    var h = Hasher()
                    h.combine(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(all)[f.start..<f.end]))
                    distinct[i].insert(h.finalize())
                }
                i += 1
                if last { break }
            }
            records += 1
        }
        let n = Double(max(1, records))
        var cost: [Double] = []
        for c in 0..<count {
            let ratio = Double(distinct[c].count) / n
            cost.append(Double(bytes[c]) * (1 + 4 * ratio) + 1000)
        }
        var groups = Array(repeating: Array(repeating: false, count: count), count: cores)
        var load = Array(repeating: 0.0, count: cores)
        for c in (0..<count).sorted(by: { cost[$0] > cost[$1] }) {
            let g = load.firstIndex(of: load.min()!)!
            groups[g][c] = true
            load[g] += cost[c]
        }
        return groups
    }

    /// Scans every record from `from`, adding the fields of the columns marked in `mine`.
    static func scanRecords(_ all: UnsafeBufferPointer<UInt8>, from: Int, line: Int, builders: [ColumnBuilder],
                            mine: [Bool], headerCount: Int, mapped: MappedFile?) -> ScanOutcome {
        var scanner = CSVScanner(all, from: from)
        var rows = 0
        var released = from
        do {
            while !scanner.atEnd {
                let b = all[scanner.pos]
                if b == 10 || b == 13 { _ = try scanner.nextField(); continue }
                if let mapped, scanner.pos - released > 16 << 20 {
                    mapped.release(upTo: scanner.pos - (1 << 20))
                    released = scanner.pos
                }
                var i = 0
                while true {
                    let fieldStart = scanner.pos
                    let (f, last) = try scanner.nextField()
                    if i >= headerCount {
                        throw CSVScanner.ScanError(message: "a row has more than \(headerCount) fields", offset: fieldStart,
                                                   hint: "quote fields that contain commas: \"a, b\"")
                    }
                    if mine[i] {
                        do throws(ColumnBuilder.CellError) {
                            if f.hasEscapes {
                                try builders[i].add(bytes: scanner.unescaped(f))
                            } else {
                                try builders[i].add(UnsafeBufferPointer(rebasing: all[f.start..<f.end]))
                            }
                        } catch {
                            throw CSVScanner.ScanError(message: error.message, offset: f.quoted ? f.start - 1 : f.start, hint: error.hint)
                        }
                    }
                    i += 1
                    if last { break }
                }
                if i < headerCount {
                    throw CSVScanner.ScanError(message: "a row has \(i) field\(i == 1 ? "" : "s"), the header has \(headerCount)",
                                               offset: max(0, scanner.pos - 1), hint: "every row needs one value (or an empty cell) per column")
                }
                rows += 1
            }
        } catch let e as CSVScanner.ScanError {
            return ScanOutcome(rows: rows, error: e)
        } catch {
            return ScanOutcome(rows: rows, error: CSVScanner.ScanError(message: "\(error)", offset: scanner.pos))
        }
        return ScanOutcome(rows: rows, error: nil)
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
            if let ic = ppool.withBytes(c, { ipool.code(ofBytes: $0) }) { target[Int(c)] = rowOfEntry[Int(ic)] }
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
