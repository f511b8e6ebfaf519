import Foundation

/// Problems in the data that do not stop a load: found once at load, summarised in one line
/// (`3 warnings: 1 duplicate id (error), 2 scores outside their star's band; type warnings to
/// list them`) and listed by the `warnings` command with file and line.
///
/// The checks are column loops (a few milliseconds on a million rows); line numbers are
/// found only when there is something to report, by scanning the file once more.
struct LoadWarnings {
    enum Category: Int, CaseIterable {
        case duplicateID, scoreBand, starsRange, danglingProducer, danglingProduct
        case expiresBeforeCertified, unknownCategory, unknownStatus, ratingMismatch, unmappedAddress
        case misplacedCommune, ambiguousUnit, dividedUnit
        /// A spreadsheet cell that could not be read and was left empty (PrintedLayout).
        case unreadableCell
        /// A product whose producer_name is not in the producers table (ProducerNames).
        case unlistedProducer

        /// A duplicate id is an error: relations silently use the first row.
        var isError: Bool { self == .duplicateID }

        /// What `n` problems of this kind are called (the number picks the plural).
        func kind(_ n: Int) -> Message {
            switch self {
            case .duplicateID: return .kindDuplicateID(n: n)
            case .scoreBand: return .kindScoreBand(n: n)
            case .starsRange: return .kindStarsRange(n: n)
            case .danglingProducer: return .kindDanglingProducer(n: n)
            case .danglingProduct: return .kindDanglingProduct(n: n)
            case .expiresBeforeCertified: return .kindExpiresBeforeCertified(n: n)
            case .unknownCategory: return .kindUnknownCategory(n: n)
            case .unknownStatus: return .kindUnknownStatus(n: n)
            case .ratingMismatch: return .kindRatingMismatch(n: n)
            case .unmappedAddress: return .kindUnmappedAddress(n: n)
            case .misplacedCommune: return .kindMisplacedCommune(n: n)
            case .ambiguousUnit: return .kindAmbiguousUnit(n: n)
            case .dividedUnit: return .kindDividedUnit(n: n)
            case .unreadableCell: return .kindUnreadableCell(n: n)
            case .unlistedProducer: return .kindUnlistedProducer(n: n)
            }
        }
    }

    /// One problem: where (a row of a table, and rows it is compared with) and what. The
    /// message is built once the other rows' locations (`line 7`, `item 3`) are known.
    struct Item {
        var category: Category
        var table: Table
        var row: Int?
        var others: [(Table, Int)]
        var help: [Message]
        var message: ([Message]) -> Message
    }

    /// At most this many of one kind are listed; the rest are counted.
    static let listLimit = 100

    private(set) var items: [Item] = []
    private(set) var counts: [Int] = Array(repeating: 0, count: Category.allCases.count)

    mutating func add(_ category: Category, _ table: Table, row: Int?, others: [(Table, Int)] = [],
                      help: [Message], _ message: @escaping ([Message]) -> Message) {
        counts[category.rawValue] += 1
        // every unreadable cell is listed: each is a value the user must check by hand
        guard counts[category.rawValue] <= Self.listLimit || category == .unreadableCell else { return }
        items.append(Item(category: category, table: table, row: row, others: others, help: help, message: message))
    }

    var total: Int { counts.reduce(0, +) }

    /// Whether the next problem of `category` will be listed (not only counted): what is
    /// costly to say (the nearest real names of an address) is found only for those.
    func willList(_ category: Category) -> Bool {
        counts[category.rawValue] < Self.listLimit || category == .unreadableCell
    }

    // MARK: the checks

    /// The cells the printed layout could not read, each with its sheet, cell and header.
    mutating func unreadableCells(_ ds: Dataset) {
        for note in ds.layouts {
            guard let t = ds.tables[note.table] else { continue }
            for p in note.report.problems {
                let cell = "\(PrintedLayout.columnLetters(p.column))\(p.row + 1)"
                let sheet = note.report.sheet
                let place: Message = sheet.map { .cellLeftEmpty(sheet: $0, cell: cell, header: p.header) } ?? .columnLeftEmpty(column: p.column + 1, header: p.header)
                add(.unreadableCell, t, row: p.tableRow, help: [place] + (p.hint.map { [$0] } ?? [])) { _ in p.message }
            }
        }
    }

    /// The checks on loaded tables (Certifications and Units add their own while linking).
    mutating func check(_ ds: Dataset) {
        for name in ["products", "producers"] {
            if let t = ds.tables[name] { duplicateIDs(t) }
        }
        for name in ["products", "certifications"] {
            guard let t = ds.tables[name] else { continue }
            scoreBands(t)
            expiryOrder(t)
        }
        if let p = ds.tables["products"] {
            categories(p)
            if ds.tables["producers"]?.column("id") != nil {
                dangling(p, key: "producer_id", relation: "producer", in: ds.tables["producers"]!, .danglingProducer)
            }
        }
        if let c = ds.tables["certifications"], let p = ds.tables["products"] {
            dangling(c, key: "product_id", relation: "product", in: p, .danglingProduct)
        }
    }

    /// The same id on two rows (an error: relations use the first).
    mutating func duplicateIDs(_ t: Table) {
        guard case .text(let codes, let pool)? = t.column("id")?.storage else { return }
        // rows paired with the earlier row holding the same id, in row order
        var present = 0
        for c in codes where c != StringPool.nullCode { present += 1 }
        // interned: as many values as rows means no repeats
        if pool.deduplicating && pool.count >= present { return }
        var pairs: [(row: Int, first: Int)] = []
        var first = [Int32](repeating: -1, count: pool.count)
        for r in 0..<t.rowCount where codes[r] != StringPool.nullCode {
            let c = Int(codes[r])
            if first[c] < 0 { first[c] = Int32(r) } else { pairs.append((r, Int(first[c]))) }
        }
        if !pool.deduplicating {
            // a near-unique column stops interning after its first cells
            // (StringPool.stopDeduplicating): later repeats have codes of their own
            for (a, b) in Self.repeatedValues(pool) where first[Int(a)] >= 0 && first[Int(b)] >= 0 {
                pairs.append((Int(first[Int(b)]), Int(first[Int(a)])))
            }
            pairs.sort { $0.row < $1.row }
        }
        for (r, f) in pairs {
            let id = pool.string(codes[r])
            add(.duplicateID, t, row: r, others: [(t, f)],
                help: [.helpUniqueIDs]) { loc in .warnDuplicateID(id: id, first: loc[0]) }
        }
    }

    /// (first code, later code) for values stored twice in a pool that does not deduplicate.
    /// Ids usually come sorted (SP0000001, SP0000002, …): strictly increasing bytes cannot
    /// repeat, which one sequential pass shows; otherwise a hash set over the values.
    static func repeatedValues(_ pool: StringPool) -> [(UInt32, UInt32)] {
        let n = pool.count
        guard n > 1 else { return [] }
        return pool.bytes.withUnsafeBufferPointer { b -> [(UInt32, UInt32)] in
            let offsets = pool.offsets
            func slice(_ c: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: b[Int(offsets[c])..<Int(offsets[c + 1])])
            }
            var increasing = true
            for c in 1..<n {
                let a = slice(c - 1), z = slice(c)
                let m = min(a.count, z.count)
                let cmp = m == 0 ? 0 : memcmp(a.baseAddress!, z.baseAddress!, m)
                if cmp > 0 || (cmp == 0 && a.count >= z.count) { increasing = false; break }
            }
            if increasing { return [] }
            var size = 64
            while size < n * 2 { size *= 2 }
            var table = [UInt64](repeating: 0, count: size)
            let mask = size - 1
            var out: [(UInt32, UInt32)] = []
            for c in 0..<n {
                let v = slice(c)
                let h = StringPool.hash(v)
                var i = Int(h) & mask
                var found = false
                while table[i] != 0 {
                    let s = table[i]
                    if UInt32(truncatingIfNeeded: s >> 32) == h {
                        let o = Int(UInt32(truncatingIfNeeded: s) - 1)
                        let w = slice(o)
                        if w.count == v.count && (v.isEmpty || memcmp(w.baseAddress!, v.baseAddress!, v.count) == 0) {
                            out.append((UInt32(o), UInt32(c)))
                            found = true
                            break
                        }
                    }
                    i = (i + 1) & mask
                }
                if !found { table[i] = UInt64(h) << 32 | UInt64(c + 1) }
            }
            return out
        }
    }

    /// A score outside its star's band (5★ 90–100, 4★ 70–89, 3★ 50–69, …), or stars outside 1–5.
    mutating func scoreBands(_ t: Table) {
        guard case .integer(let stars)? = t.column("stars")?.storage else { return }
        let score = Certifications.decimals(t, "score")
        for r in 0..<t.rowCount where stars[r] != Column.nullInteger {
            let s = stars[r]
            guard let band = Schema.band(stars: s) else {
                add(.starsRange, t, row: r, help: [.helpStarsRange]) { _ in .warnStarsNotRating(stars: String(s)) }
                continue
            }
            let x = score[r]
            guard !x.isNaN, x < band.low || x >= band.high else { continue }
            add(.scoreBand, t, row: r, help: [.helpScoreBands]) { _ in
                let score = ValueFormat.decimal(x)
                return Self.bandText(s).map { .warnScoreOutsideBand(score: score, stars: String(s), band: $0) }
                    ?? .warnScoreOutsideLowestBand(score: score, stars: String(s))
            }
        }
    }

    /// The points of a star's band, nil for 1★ (under 30).
    static func bandText(_ stars: Int64) -> String? {
        switch stars {
        case 5: return "90–100"
        case 4: return "70–89"
        case 3: return "50–69"
        case 2: return "30–49"
        default: return nil
        }
    }

    mutating func expiryOrder(_ t: Table) {
        guard case .date(let cert)? = t.column("certified_on")?.storage,
              case .date(let exp)? = t.column("expires_on")?.storage else { return }
        for r in 0..<t.rowCount where exp[r] != Column.nullDate && cert[r] != Column.nullDate && exp[r] < cert[r] {
            let e = Day(days: exp[r]), c = Day(days: cert[r])
            add(.expiresBeforeCertified, t, row: r, help: [.helpCheckSwappedDates]) { _ in
                .warnExpiresBeforeCertified(expires: e.iso, certified: c.iso)
            }
        }
    }

    /// A category that is none of the twelve (six current, six of 2018), compared folded.
    mutating func categories(_ t: Table) {
        guard case .text(let codes, let pool)? = t.column("category")?.storage else { return }
        let known = Set(Schema.categories.map(HeaderAliases.key))
        var unknown = [Bool](repeating: false, count: pool.count)
        var any = false
        for c in 0..<UInt32(pool.count) where !known.contains(HeaderAliases.key(pool.string(c))) {
            unknown[Int(c)] = true
            any = true
        }
        guard any else { return }
        var first: [UInt32: Int] = [:], count: [UInt32: Int] = [:], order: [UInt32] = []
        for r in 0..<t.rowCount where codes[r] != StringPool.nullCode && unknown[Int(codes[r])] {
            if first[codes[r]] == nil { first[codes[r]] = r; order.append(codes[r]) }
            count[codes[r], default: 0] += 1
        }
        for c in order {
            let value = pool.string(c), n = count[c]!
            var help: [Message] = []
            if let near = EditDistance.nearest(value, in: Schema.categories) { help.append(.helpDidYouMean(word: near)) }
            help.append(.helpCategories(names: Schema.categories.prefix(6).joined(separator: "; ")))
            add(.unknownCategory, t, row: first[c]!, help: help) { _ in
                n > 1 ? .warnUnknownCategoryRows(value: value, n: n) : .warnUnknownCategory(value: value)
            }
        }
    }

    /// A key with no row to point at: producer_id not in producers, product_id not in products.
    mutating func dangling(_ t: Table, key: String, relation: String, in parent: Table, _ category: Category) {
        guard case .text(let codes, let pool)? = t.column(key)?.storage,
              case .toOne(_, let rows)? = t.relations[relation] else { return }
        let parentFile = parent.origin?.fileName ?? parent.name
        // a sheet of a workbook is named as the sheet, not as the workbook all tables share
        let sheet = parent.origin?.sheet
        for r in 0..<t.rowCount where codes[r] != StringPool.nullCode && rows[r] < 0 {
            let value = pool.string(codes[r])
            let help: Message = sheet.map { .helpAddOrCorrectIn(place: .sheetNamed(name: $0), key: key) } ?? .helpAddOrCorrect(file: parentFile, key: key)
            add(category, t, row: r, help: [help]) { _ in
                sheet.map { .warnDanglingKeySheet(key: key, value: value, sheet: $0) } ?? .warnDanglingKey(key: key, value: value, file: parentFile)
            }
        }
    }

    // MARK: reporting

    /// Turns the items into diagnostics with file and line, and the one-line summary.
    func finish(into ds: Dataset) {
        guard total > 0 else { return }
        var needed: [ObjectIdentifier: (Table, Set<Int>)] = [:]
        for item in items {
            for (t, r) in [(item.table, item.row)].compactMap({ $0.1.map { r in (item.table, r) } }) + item.others {
                needed[ObjectIdentifier(t), default: (t, [])].1.insert(r)
            }
        }
        var lines: [ObjectIdentifier: [Int: Int]] = [:]
        for (id, (t, rows)) in needed {
            if let index = t.rowLines {
                lines[id] = Dictionary(uniqueKeysWithValues: rows.map { ($0, index.line(of: $0)) })
            } else if let bytes = t.origin?.csvBytes?() { lines[id] = RowLines.lines(of: rows, in: bytes) }
            if let sheetRows = t.origin?.sheetRows {
                lines[id] = Dictionary(uniqueKeysWithValues: rows.filter { $0 < sheetRows.count }.map { ($0, Int(sheetRows[$0])) })
            }
        }
        func locate(_ t: Table, _ r: Int) -> (line: Int?, text: Message) {
            let file = t.origin?.fileName ?? t.name
            if let l = lines[ObjectIdentifier(t)]?[r] { return (l, .placeFileLine(file: file, line: String(l))) }
            return (nil, .placeFileItem(file: file, n: String(r + 1)))
        }
        var out: [Diagnostic] = []
        var shown = Array(repeating: 0, count: Category.allCases.count)
        for item in items.sorted(by: { $0.category.rawValue < $1.category.rawValue }) {
            let others = item.others.map { (t, r) -> Message in
                let l = locate(t, r)
                // within the same file, "line 7" is enough
                return t === item.table ? (l.line.map { .placeLine(line: String($0)) } ?? .placeItem(n: String(r + 1))) : l.text
            }
            var message = item.message(others)
            let here = item.row.map { locate(item.table, $0) }
            if let here, here.line == nil, let r = item.row { message = .locatedItem(n: String(r + 1), message: message) }
            var help = item.help
            // the line of a workbook's table is a row of its sheet: say which (an unreadable
            // cell names its sheet and cell already)
            if let sheet = item.table.origin?.sheet, item.category != .unreadableCell, let line = here?.line {
                help.insert(.placeSheetRow(sheet: sheet, row: line), at: 0)
            }
            var d = Diagnostic.data(message, file: item.table.origin?.file ?? item.table.name, line: here?.line, help: help)
            d.severity = item.category.isError ? .error : .warning
            out.append(d)
            shown[item.category.rawValue] += 1
            if shown[item.category.rawValue] == Self.listLimit, counts[item.category.rawValue] > Self.listLimit {
                let more = counts[item.category.rawValue] - Self.listLimit
                var note = Diagnostic(.data, .warningsMore(n: more, kind: item.category.kind(more)), severity: .note)
                note.location = Location(file: item.table.origin?.file ?? item.table.name)
                out.append(note)
            }
        }
        ds.warnings += out
        ds.warningSummary = summary
    }

    /// `3 warnings in the data: 1 duplicate id (error), 2 scores outside their star's band`
    /// (the hint to type warnings is `Message.helpListWarnings`, said after it where it helps).
    var summary: Message {
        let parts = Category.allCases.compactMap { c -> Message? in
            let n = counts[c.rawValue]
            return n == 0 ? nil : c.isError ? .warningPartError(n: n, kind: c.kind(n)) : .warningPart(n: n, kind: c.kind(n))
        }
        return .loadWarnings(n: total, parts: parts)
    }
}

/// Line numbers of data rows in CSV bytes, by scanning the file again the way the loader
/// does (BOM, blank lines before the header, the header, blank lines between rows).
enum RowLines {
    static func lines(of rows: Set<Int>, in bytes: [UInt8]) -> [Int: Int] {
        guard let last = rows.max() else { return [:] }
        var out: [Int: Int] = [:]
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            if all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { start = 3 }
            var s = CSVScanner(all, from: start)
            do {
                while !s.atEnd && (all[s.pos] == 10 || all[s.pos] == 13) { _ = try s.nextField() }
                while !s.atEnd { let (_, end) = try s.nextField(); if end { break } }
                var row = 0
                while !s.atEnd && row <= last {
                    let b = all[s.pos]
                    if b == 10 || b == 13 { _ = try s.nextField(); continue }
                    if rows.contains(row) { out[row] = s.line }
                    while !s.atEnd { let (_, end) = try s.nextField(); if end { break } }
                    row += 1
                }
            } catch {}
        }
        return out
    }
}

/// The file line of each record of a CSV, noted while loading so that warnings need not read
/// the file again (at a million rows that was the whole file in memory once more): a line
/// for the first record, and one more wherever a record does not start on the line after
/// the previous one (a quoted line break, blank lines).
struct RowLineIndex {
    private var marks: [(row: Int, line: Int)] = []

    @inline(__always)
    mutating func note(row: Int, line: Int) {
        if let m = marks.last, m.line + (row - m.row) == line { return }
        marks.append((row, line))
    }

    /// The line record `row` starts on (1-based).
    func line(of row: Int) -> Int {
        var lo = 0, hi = marks.count  // the last mark at or before row
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if marks[mid].row <= row { lo = mid } else { hi = mid }
        }
        guard lo < marks.count else { return row + 2 }
        return marks[lo].line + (row - marks[lo].row)
    }
}
