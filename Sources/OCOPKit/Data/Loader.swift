import Foundation

/// Reads a dataset folder (or the embedded sample) into tables and links their relations.
/// A load either succeeds completely or fails with the file, line and column.
public enum Loader {
    /// The tables a dataset folder may hold besides products: each as `NAME.csv` or `NAME.json`.
    static let optionalTables = ["producers", "certifications", "units"]

    /// The dataset in `folder`: products.csv|json (required); producers, certifications
    /// (Certifications.swift) and units (Units.swift), each .csv|.json, optional.
    public static func load(folder given: String, sheet: String? = nil) throws(Diagnostic) -> Dataset {
        guard !given.isEmpty else {
            throw Diagnostic(.data, .dataFolderNameEmpty, help: [.helpGiveDataFolder])
        }
        // as export does: ~ is the home folder
        let folder = Paths.expandingTilde(given)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) else {
            throw Diagnostic.data(.noSuchDataFolder, file: folder, help: [.helpGiveDataFolder])
        }
        guard isDir.boolValue else {
            return try load(folder, sheet: sheet)
        }
        let ds = Dataset(folder: given)
        if let products = try table(named: "products", in: folder, into: ds) {
            ds.add(products)
        } else if let file = try productsFile(in: folder) {
            // Loader+Files.swift: products.xlsx, or the one file whose header is a products list
            try loadFile(file, as: "products", sheet: sheet, into: ds)
        } else {
            let found = dataFiles(in: folder)
            throw Diagnostic.data(.noProductsList, file: folder, help: [found.isEmpty ? .helpNoDataFiles : .helpNoProductsHeader(files: found)])
        }
        for name in optionalTables where ds.tables[name] == nil {
            if let t = try table(named: name, in: folder, into: ds) { ds.add(t) }
        }
        try link(ds)
        return ds
    }

    /// The sample dataset compiled into the binary. Its new units come from the built-in
    /// table, as any list's do; its units.csv confirms the few published addresses the table
    /// writes under another district (Sample/README.md).
    ///
    /// The new units of its rows are read from Sample/new_units.csv, which
    /// Tools/make_sample_units.sh writes from a load of the Sample folder (SampleUnitsTests
    /// checks they are what a load finds): resolving them was 40% of `ocop -e 'products count'`.
    public static func sample() -> Dataset {
        let ds = Dataset(folder: nil)
        do {
            let files: [(String, [UInt8])] = [
                ("products", PackageResources.products_csv), ("producers", PackageResources.producers_csv),
                ("certifications", PackageResources.certifications_csv), ("units", PackageResources.units_csv),
            ]
            for (name, bytes) in files {
                let t = try csvTable(bytes: bytes, name: name, file: "<sample>/\(name).csv")
                t.origin = TableOrigin(file: "<sample>/\(name).csv", csvBytes: { bytes })
                ds.add(t)
            }
            let units = try csvTable(bytes: PackageResources.new_units_csv, name: "new_units", file: "<sample>/new_units.csv")
            try link(ds, newUnits: units)
        } catch {
            fatalError("the embedded sample does not load: \(error.rendered())")
        }
        return ds
    }

    static func table(named name: String, in folder: String, into ds: Dataset) throws(Diagnostic) -> Table? {
        for ext in ["csv", "json"] {
            let path = (folder as NSString).appendingPathComponent("\(name).\(ext)")
            if try exists(path, in: folder) { return try fileTable(path, name: name, into: ds) }
        }
        return nil
    }

    /// The CSV (or TSV) or JSON file at `path` as table `name`, by its extension. A CSV in
    /// another encoding or laid out for printing adds its note to `ds` (CSVInput.swift).
    static func fileTable(_ path: String, name: String, into ds: Dataset) throws(Diagnostic) -> Table {
        let file = try MappedFile(path: path)
        let t: Table
        if (path as NSString).pathExtension.lowercased() == "json" {
            try refuseBinary(file.buffer, file: path)
            let bytes = file.base.map { Data(bytesNoCopy: $0, count: file.count, deallocator: .none) } ?? Data()
            do { t = try JSONLoader.table(bytes: bytes, name: name, file: path) } catch {
                try file.checkUnchanged()
                throw error
            }
            try file.checkUnchanged()
            return t
        }
        do { t = try csvFileTable(file, path: path, name: name, into: ds) } catch {
            // a file rewritten meanwhile explains any error found in it
            try file.checkUnchanged()
            throw error
        }
        try file.checkUnchanged()
        if t.origin == nil { t.origin = TableOrigin(file: path, csvBytes: { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }) }
        return t
    }

    /// Whether `path` is there (of any type: MappedFile refuses what is not a regular file). A
    /// folder that cannot be searched is said so, not taken for one without the file.
    static func exists(_ path: String, in folder: String) throws(Diagnostic) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 { return true }
        let e = errno
        if e == ENOENT || e == ENOTDIR { return false }
        throw Diagnostic.data(.folderUnreadable(reason: .system(errno: e)), file: folder,
                              help: e == EACCES ? [.helpFolderPermissions] : [])
    }

    /// A file that is not text (a NUL byte in its first 4 KiB: a binary or a sparse file, or
    /// UTF-16) is refused at once, with where the first NUL is. A NUL further on (a damaged
    /// file, or text joined to a binary one) is refused too, at its line and column: text never
    /// holds one, and a field cut at it would be wrong data (one memchr pass, ~10 GB/s).
    static func refuseBinary(_ all: UnsafeBufferPointer<UInt8>, file: String) throws(Diagnostic) {
        guard let nul = all.prefix(4096).firstIndex(of: 0) else {
            guard all.count > 4096, let base = all.baseAddress, let hit = memchr(base + 4096, 0, all.count - 4096) else { return }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let (line, col) = CSVScanner.location(in: all, of: at)
            throw Diagnostic.data(.fileHasNUL(byte: String(at + 1)), file: file, line: line, column: col, help: [.helpFileHasNUL])
        }
        let (line, col) = CSVScanner.location(in: all, of: nul)
        // UTF-16: a byte order mark, or ASCII letters each with a NUL beside it (about half the bytes)
        let head = all.prefix(64), nuls = head.filter { $0 == 0 }.count
        let utf16 = all.count >= 2 && ((all[0] == 0xFF && all[1] == 0xFE) || (all[0] == 0xFE && all[1] == 0xFF)
                                        || (nul <= 1 && nuls * 4 >= head.count && nuls * 4 <= head.count * 3))
        if utf16 {
            throw Diagnostic.data(.fileUTF16, file: file, line: line, column: col, help: [.helpResaveCSVUTF8])
        }
        throw Diagnostic.data(.fileBinary(byte: String(nul + 1)), file: file, line: line, column: col, help: [.helpBinaryFile])
    }

    // MARK: CSV

    static func csvTable<B: ContiguousBytes>(bytes: B, name: String, file: String) throws(Diagnostic) -> Table {
        let result: Result<Table, Diagnostic> = bytes.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            do { return .success(try csvTable(buffer: all, name: name, file: file)) }
            catch let d as Diagnostic { return .failure(d) }
            catch { return .failure(Diagnostic.data(.internalFailure(text: "\(error)"), file: file)) }
        }
        return try result.get()
    }

    static func csvTable(buffer all: UnsafeBufferPointer<UInt8>, name: String, file: String,
                         mapped: MappedFile? = nil, separator: UInt8 = 44) throws(Diagnostic) -> Table {
        try refuseBinary(all, file: file)
        var start = 0
        if all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { start = 3 }
        var scanner = CSVScanner(all, from: start, separator: separator)
        func fail(_ message: Message, at offset: Int, hint: Message? = nil) -> Diagnostic {
            let (line, col) = CSVScanner.location(in: all, of: offset)
            return Diagnostic.data(message, file: file, line: line, column: col, help: hint.map { [$0] } ?? [])
        }
        // skip blank lines before the header
        while !scanner.atEnd && (all[scanner.pos] == 10 || all[scanner.pos] == 13) { scanner.pos += 1 }
        guard !scanner.atEnd else {
            throw Diagnostic.data(.csvEmpty, file: file, line: 1, column: 1, help: [.helpHeaderFirstLine])
        }
        // header
        var headers: [String] = []
        var headerOffsets: [Int] = []
        do {
            while true {
                let (f, last) = try scanner.nextField()
                let bytes = f.hasEscapes ? scanner.unescaped(f) : Array(UnsafeBufferPointer(rebasing: all[f.start..<f.end]))
                if let bad = bytes.withUnsafeBufferPointer(UTF8Check.firstInvalid) {
                    throw fail(.fileNotUTF8(byte: String(bytes[bad], radix: 16, uppercase: true)), at: f.start + bad,
                               hint: .helpResaveUTF8Legacy)
                }
                headers.append(VietText.nfc(String(decoding: bytes, as: UTF8.self)).trimmingSpaces)
                headerOffsets.append(f.start)
                if last { break }
            }
        } catch let e as CSVScanner.ScanError {
            throw fail(e.message, at: e.offset, hint: e.hint)
        } catch let d as Diagnostic {
            throw d
        } catch { throw Diagnostic.data(.internalFailure(text: "\(error)"), file: file) }
        for (i, h) in headers.enumerated() where h.isEmpty {
            throw fail(.headerColumnNoName(column: i + 1), at: headerOffsets[i])
        }
        // Vietnamese spreadsheet headers → known columns (HeaderAliases.swift)
        let header: HeaderAliases.HeaderMap
        do { header = try HeaderAliases.columns(headers, table: name) } catch {
            throw fail(error.message, at: headerOffsets[error.column])
        }
        let builders = header.names.map { ColumnBuilder(name: $0, declared: Schema.declared(name, $0)) }
        // Two cores: each scans every record but fills only its own columns, so no merging is
        // needed. Columns are split by estimated cost (distinct text is the expensive part).
        var groups = splitColumns(all, from: scanner.pos, count: headers.count, separator: separator)
        for g in groups.indices { for i in header.ignored { groups[g][i] = false } }
        let dataStart = scanner.pos, firstLine = scanner.line, headerCount = headers.count
        let results = UnsafeMutableBufferPointer<ScanOutcome>.allocate(capacity: groups.count)
        results.initialize(repeating: ScanOutcome(rows: 0, error: nil, lines: RowLineIndex()))
        defer {
            // deinitialize too: an error's message is a String the buffer owns
            _ = results.deinitialize()
            results.deallocate()
        }
        let shared = UncheckedBox((all, builders, groups, results, mapped))
        DispatchQueue.concurrentPerform(iterations: groups.count) { g in
            let (all, builders, groups, results, mapped) = shared.value
            results[g] = scanRecords(all, from: dataStart, line: firstLine, builders: builders,
                                     mine: groups[g], headerCount: headerCount, mapped: mapped, separator: separator)
        }
        let failures = results.compactMap(\.error).sorted { $0.offset < $1.offset }
        if let e = failures.first { throw fail(e.message, at: e.offset, hint: e.hint) }
        let rows = results[0].rows
        mapped?.release(upTo: all.count)
        let kept = builders.indices.filter { !header.ignored.contains($0) }
        let table = Table(name: name, columns: kept.map { builders[$0].finish() }, rowCount: rows)
        table.headerAliases = header.aliases
        table.rowLines = results[0].lines
        return table
    }

    struct ScanOutcome {
        var rows: Int
        var error: CSVScanner.ScanError?
        /// The file line of each record (every scan finds the same).
        var lines: RowLineIndex
    }

    /// Which columns each core fills: balanced by a cost estimated from the first rows.
    static func splitColumns(_ all: UnsafeBufferPointer<UInt8>, from: Int, count: Int, separator: UInt8 = 44) -> [[Bool]] {
        let cores = min(2, ProcessInfo.processInfo.activeProcessorCount)
        guard cores > 1, count > 1, all.count - from > 1_000_000 else { return [Array(repeating: true, count: count)] }
        // sample up to 2,000 records: cost ~ bytes + distinctness
        var scanner = CSVScanner(all, from: from, separator: separator)
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
                            mine: [Bool], headerCount: Int, mapped: MappedFile?, separator: UInt8 = 44) -> ScanOutcome {
        var scanner = CSVScanner(all, from: from, separator: separator)
        var rows = 0
        var released = from
        var lines = RowLineIndex()
        // `builders` keeps them alive: no retain and release per cell (12% of a load)
        let unretained = builders.map { Unmanaged.passUnretained($0) }
        do {
            while !scanner.atEnd {
                let b = all[scanner.pos]
                if b == 10 || b == 13 { _ = try scanner.nextField(); continue }
                lines.note(row: rows, line: scanner.line + line - 1)
                if let mapped, scanner.pos - released > 16 << 20 {
                    mapped.release(upTo: scanner.pos - (1 << 20))
                    released = scanner.pos
                }
                var i = 0
                while true {
                    let fieldStart = scanner.pos
                    let (f, last) = try scanner.nextField()
                    if i >= headerCount {
                        throw CSVScanner.ScanError(message: .csvTooManyFields(n: headerCount), offset: fieldStart, hint: .helpQuote(separator: separator))
                    }
                    if mine[i] {
                        let failure = unretained[i]._withUnsafeGuaranteedRef { b -> ColumnBuilder.CellError? in
                            do throws(ColumnBuilder.CellError) {
                                if f.hasEscapes {
                                    try b.add(bytes: scanner.unescaped(f))
                                } else {
                                    try b.add(UnsafeBufferPointer(rebasing: all[f.start..<f.end]))
                                }
                                return nil
                            } catch { return error }
                        }
                        if let error = failure {
                            throw CSVScanner.ScanError(message: error.message, offset: f.quoted ? f.start - 1 : f.start, hint: error.hint)
                        }
                    }
                    i += 1
                    if last { break }
                }
                if i < headerCount {
                    // point just after the row's last character, before its LF, CRLF or CR
                    var end = scanner.pos
                    if end > from, all[end - 1] == 10 { end -= 1 }
                    if end > from, all[end - 1] == 13 { end -= 1 }
                    throw CSVScanner.ScanError(message: .csvFieldCount(n: i, header: headerCount), offset: end, hint: .helpOneValuePerColumn)
                }
                rows += 1
                if rows == 65_536 && scanner.pos < all.count {
                    // size every column for the whole file from what this sample used
                    let scale = Double(all.count - from) / Double(scanner.pos - from) * 1.02
                    for (i, b) in builders.enumerated() where mine[i] { b.reserve(rows: Int(Double(rows) * scale) + 16, scale: scale) }
                }
            }
        } catch let e as CSVScanner.ScanError {
            return ScanOutcome(rows: rows, error: e, lines: lines)
        } catch {
            return ScanOutcome(rows: rows, error: CSVScanner.ScanError(message: .internalFailure(text: "\(error)"), offset: scanner.pos), lines: lines)
        }
        return ScanOutcome(rows: rows, error: nil, lines: lines)
    }

    // MARK: relations and derived columns

    /// Everything computed after the files are read, in order: expiry defaults, a producers
    /// table for a flat list, `producer`/`products`, the certification history, the new
    /// administrative units, status and days_left, then the load warnings.
    static func link(_ ds: Dataset, newUnits: Table? = nil) throws(Diagnostic) {
        guard let products = ds.tables["products"] else { return }
        Relations.defaultExpiry(products)
        FlatList.synthesizeProducers(ds)
        var warnings = LoadWarnings()
        if let producers = ds.tables["producers"] {
            Relations.link(products, key: "producer_id", to: producers, as: "producer", inverse: "products")
            ProducerNames.link(products, to: producers, &warnings)
        }
        let histories = Certifications.apply(ds, &warnings)
        // describe's figures for the files' columns, on the other core while linking goes on
        // (at a million rows counting the distinct names and ids was most of describe's 374 ms);
        // the columns never change, and this reads only what linking does not write
        let described = UncheckedBox(["products", "producers"].compactMap { ds.tables[$0] }.flatMap(\.columns))
        let stats = DispatchGroup()
        if ProcessInfo.processInfo.activeProcessorCount > 1 && (ds.tables["products"]?.rowCount ?? 0) > 50_000 {
            DispatchQueue.global().async(group: stats) { for c in described.value { _ = c.wholeStats } }
        }
        defer { stats.wait() }
        if let newUnits, Units.applyKnown(newUnits, to: ds) {
            Units.addQueryTable(ds, own: ds.tables["units"])
        } else {
            Units.apply(ds, &warnings)
        }
        Certifications.addStatus(products, histories: histories)
        warnings.unreadableCells(ds)
        warnings.check(ds)
        warnings.finish(into: ds)
    }
}
