/// A list laid out for printing, turned into one table (issue 15). Rows of cells come from a
/// sheet (or a CSV read as a grid); the layout is found, not assumed:
///
/// 1. **Header row**: among the first 40 rows, the first with the most cells that are known
///    headers (HeaderAliases), at least two. Letterhead and title rows above it are skipped.
/// 2. **Second header row**: the row below is part of the header when each of its cells sits
///    under an empty or unknown header cell (`Kết quả đánh giá`, or a merged cell) and at least
///    one is a known header: `Kết quả đánh giá` over `Điểm` | `Phân hạng` gives `score` and
///    `stars`. A merged header cell names every column it covers.
/// 3. **Column numbers**: a row of `(1) (2) (3)` (or `1 2 3` in order) under the header.
/// 4. **Columns**: a column with no header and no data (trailing formatting) is dropped; a
///    column with data but no header is `column_N` (its letter's position).
/// 5. **Rows that are not products** are skipped and counted: blank rows; section rows
///    (`I | Huyện Na Rì`, `A. SẢN PHẨM 4 SAO`: a label and at most an enumerator); totals
///    (`Cộng`, `Tổng cộng`, `Tổng số`); everything after the grand total or a signature
///    (`KT. GIÁM ĐỐC`, `Nơi nhận`, `Người lập biểu`). A section naming a district (`Huyện …`,
///    `Thị xã …`, `Thành phố …`, `Quận …`) fills `district`, one naming a star level fills
///    `stars`, for the rows under it that leave them empty.
/// 6. **Cells** go through the column builders as text (numbers written plainly, date cells as
///    ISO dates, booleans as true/false), so typing is the CSV loader's; a cell that still
///    cannot be read is left empty and reported (`CellProblem`), never stops the load.
struct PrintedLayout {
    /// Where a row went.
    enum Skip: Int, CaseIterable { case blank, section, total, footer }

    struct CellProblem {
        /// 0-based sheet row and column.
        var row: Int
        /// The product's row in the table.
        var tableRow: Int
        var column: Int
        var header: String
        var text: String
        var message: Message
        var hint: Message?
    }

    /// What the layout did, for the load summary and the warnings.
    struct Report {
        var sheet: String?
        var headerRow = 0
        var headerRows = 1
        var skipped = Array(repeating: 0, count: Skip.allCases.count)
        var problems: [CellProblem] = []
        var filledDistrict = 0
        var filledStars = 0
        /// Section rows that name a district or a star level (a list's own structure; a lone
        /// label could be a product with few cells).
        var namedSections = 0
        /// Per product row: the district its section names (for a list with no district
        /// column, filled after the address is split: ListColumns.fillDistricts).
        var sectionDistricts: [String?] = []
        var totalSkipped: Int { skipped.reduce(0, +) }
    }

    struct Failure: Error {
        var code: Message
        var help: [Message] = []
        var row: Int?
    }

    /// How a cell of the grid becomes the text a column builder reads.
    typealias DayOf = (Double) -> Day?

    /// The table `name` from `rows`; `merged` are the sheet's merged ranges.
    static func table(rows: [[CellValue]], merged: [MergedRange], name: String, sheet: String?,
                      dayOf: DayOf) throws(Failure) -> (Table, Report, sheetRows: [Int32]) {
        var report = Report(sheet: sheet)
        // the value a merged cell shows in every cell it covers (headers only)
        var mergedValue: [Int: [Int: CellValue]] = [:]
        for m in merged where m.firstRow < 60 {
            let v = cell(rows, m.firstRow, m.firstColumn)
            guard v != .empty else { continue }
            for r in m.firstRow...min(m.lastRow, m.firstRow + 4) {
                for c in m.firstColumn...min(m.lastColumn, m.firstColumn + 64) { mergedValue[r, default: [:]][c] = v }
            }
        }
        func headerText(_ r: Int, _ c: Int) -> String {
            var v = cell(rows, r, c)
            if v == .empty, let m = mergedValue[r]?[c] { v = m }
            return text(v, dayOf: dayOf)
        }
        func width(_ r: Int) -> Int { r < rows.count ? rows[r].count : 0 }
        // 1. the header row
        let best = headerRow(rows.count, width: width, text: headerText, name: name)
        guard best >= 0 else {
            throw Failure(code: .noHeaderRow, help: [.helpProductsHeader])
        }
        report.headerRow = best
        let columns = (best...min(best + 1, max(best, rows.count - 1))).map(width).max() ?? 0
        var names = (0..<columns).map { headerText(best, $0).trimmingSpaces }
        // 2. a second header row
        var next = best + 1
        if next < rows.count {
            let below = (0..<columns).map { headerText(next, $0).trimmingSpaces }
            var known = 0, fits = true
            for c in 0..<columns where !below[c].isEmpty {
                if case .keep = HeaderAliases.resolve(below[c], table: name) {} else { known += 1 }
                let top = names[c]
                let topKnown: Bool
                if case .keep = HeaderAliases.resolve(top, table: name) { topKnown = false } else { topKnown = true }
                // a cell under a known header that merely repeats it (a vertical merge) fits too
                if !top.isEmpty && topKnown && top != below[c] { fits = false }
                if Double(below[c]) != nil { fits = false }
            }
            if fits && known > 0 {
                func known(_ h: String) -> Bool {
                    if case .keep = HeaderAliases.resolve(h, table: name) { return false }
                    return true
                }
                for c in 0..<columns where !below[c].isEmpty && below[c] != names[c] {
                    let combined = names[c].isEmpty ? below[c] : names[c] + " " + below[c]
                    names[c] = known(below[c]) || !known(combined) && names[c].isEmpty ? below[c] : combined
                }
                report.headerRows = 2
                next += 1
            }
        }
        // 3. a row of column numbers
        if next < rows.count, isColumnNumbers(rows[next], dayOf: dayOf) { next += 1 }
        // 4. columns: no header and no data → dropped; data without a header → column_N
        var hasData = Array(repeating: false, count: columns)
        for r in next..<max(next, rows.count) {
            for c in 0..<min(columns, rows[r].count) where rows[r][c] != .empty { hasData[c] = true }
        }
        var kept: [Int] = []
        for c in 0..<columns {
            if names[c].isEmpty {
                guard hasData[c] else { continue }
                names[c] = "column_\(c + 1)"
            }
            kept.append(c)
        }
        let header: HeaderAliases.HeaderMap
        do { header = try HeaderAliases.columns(kept.map { names[$0] }, table: name) } catch {
            throw Failure(code: error.message, row: best)
        }
        let builders = header.names.map { ColumnBuilder(name: $0, declared: Schema.declared(name, $0)) }
        let slot = Dictionary(uniqueKeysWithValues: header.names.enumerated().map { ($1, $0) })
        let nameSlot = slot["name"], districtSlot = slot["district"], starsSlot = slot["stars"]
        let numberSlot = kept.indices.first { header.ignored.contains($0) }
        // 5 and 6: the rows
        var sectionDistrict: String?, sectionStars: Int?
        var footer = false
        var sheetRows: [Int32] = []
        for r in next..<max(next, rows.count) {
            let row = rows[r]
            let values = kept.map { $0 < row.count ? row[$0] : .empty }
            let texts = values.map { text($0, dayOf: dayOf).trimmingSpaces }
            let filled = texts.indices.filter { !texts[$0].isEmpty }
            if filled.isEmpty { report.skipped[Skip.blank.rawValue] += 1; continue }
            if footer { report.skipped[Skip.footer.rawValue] += 1; continue }
            let keys = filled.prefix(3).map { HeaderAliases.key(texts[$0]) }
            if keys.contains(where: isTotal) {
                report.skipped[Skip.total.rawValue] += 1
                if keys.contains(where: { $0.hasPrefix("tong cong") || $0 == "tong so" || $0 == "tong" }) { footer = true }
                continue
            }
            if keys.contains(where: isSignature) {
                footer = true
                report.skipped[Skip.footer.rawValue] += 1
                continue
            }
            if let section = section(texts, filled: filled, numberSlot: numberSlot, nameSlot: nameSlot) {
                report.skipped[Skip.section.rawValue] += 1
                if section.district != nil || section.stars != nil { report.namedSections += 1 }
                if let d = section.district { sectionDistrict = d; if section.stars == nil { sectionStars = nil } }
                if let s = section.stars { sectionStars = s }
                continue
            }
            // a product needs its name when the list has a name column
            if let nameSlot, texts[nameSlot].isEmpty {
                report.skipped[Skip.footer.rawValue] += 1
                continue
            }
            for (i, b) in builders.enumerated() where !header.ignored.contains(i) {
                var t = texts[i]
                if t.isEmpty, i == districtSlot, let d = sectionDistrict { t = d; report.filledDistrict += 1 }
                if t.isEmpty, i == starsSlot, let s = sectionStars { t = String(s); report.filledStars += 1 }
                if case .date(let serial) = values[i], b.declared == .integer || b.declared == .decimal {
                    t = serial == serial.rounded() ? String(Int(serial)) : String(serial)
                }
                do throws(ColumnBuilder.CellError) { try b.add(bytes: Array(t.utf8)) } catch {
                    b.addNull()
                    report.problems.append(CellProblem(row: r, tableRow: sheetRows.count, column: kept[i], header: names[kept[i]], text: t, message: error.message, hint: error.hint))
                }
            }
            sheetRows.append(Int32(r + 1))
            report.sectionDistricts.append(sectionDistrict)
        }
        let keptColumns = builders.indices.filter { !header.ignored.contains($0) }
        let table = Table(name: name, columns: keptColumns.map { builders[$0].finish() }, rowCount: sheetRows.count)
        table.headerAliases = header.aliases
        return (table, report, sheetRows)
    }

    /// `0` → `A`, `27` → `AB`.
    /// Among the first 40 rows, the first with the most known headers (at least two); -1 if none.
    static func headerRow(_ count: Int, width: (Int) -> Int, text: (Int, Int) -> String, name: String) -> Int {
        var best = -1, bestScore = 1
        for r in 0..<min(count, 40) {
            var score = 0
            for c in 0..<width(r) {
                switch HeaderAliases.resolve(text(r, c), table: name) {
                case .column, .ignored: score += 1
                case .keep: break
                }
            }
            if score > bestScore { best = r; bestScore = score }
        }
        return best
    }

    static func columnLetters(_ c: Int) -> String {
        var n = c + 1, out = ""
        while n > 0 { n -= 1; out = String(UnicodeScalar(UInt8(65 + n % 26))) + out; n /= 26 }
        return out
    }

    static func cell(_ rows: [[CellValue]], _ r: Int, _ c: Int) -> CellValue {
        r < rows.count && c < rows[r].count ? rows[r][c] : .empty
    }

    /// The text a column builder reads for a cell.
    static func text(_ v: CellValue, dayOf: DayOf) -> String {
        switch v {
        case .empty: return ""
        case .text(let s): return s
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .date(let serial): return dayOf(serial)?.iso ?? String(serial)
        case .isoDate(let s): return String(s.prefix(10))
        case .error(let e): return e
        }
    }

    /// `(1) (2) (3) …`, or `1 2 3 …` in order from 1.
    static func isColumnNumbers(_ row: [CellValue], dayOf: DayOf) -> Bool {
        let texts = row.map { text($0, dayOf: dayOf).trimmingSpaces }.filter { !$0.isEmpty }
        guard texts.count >= 2 else { return false }
        if texts.allSatisfy({ $0.hasPrefix("(") && $0.hasSuffix(")") && Int($0.dropFirst().dropLast()) != nil }) { return true }
        return texts.enumerated().allSatisfy { Int($1) == $0 + 1 }
    }

    static func isTotal(_ key: String) -> Bool {
        key == "cong" || key == "tong" || key.hasPrefix("tong cong") || key.hasPrefix("tong so") || key.hasPrefix("cong ")
            && key.split(separator: " ").count <= 3 && !key.hasPrefix("cong ty")
    }

    static func isSignature(_ key: String) -> Bool {
        ["kt giam doc", "giam doc", "pho giam doc", "noi nhan", "nguoi lap bieu", "nguoi lap", "tm uy ban nhan dan",
         "tm ubnd", "kt chu tich", "chu tich", "xac nhan cua", "thu truong don vi"].contains { key == $0 || key.hasPrefix($0 + " ") }
    }

    /// A section row: a label (and at most an enumerator such as `I`, `A`, `1.`), no product
    /// number. Returns what it fills below.
    static func section(_ texts: [String], filled: [Int], numberSlot: Int?, nameSlot: Int?) -> (district: String?, stars: Int?)? {
        let labels = filled.filter { $0 != numberSlot }
        guard labels.count == 1, filled.count <= 2 else { return nil }
        if let numberSlot, filled.contains(numberSlot), Int(texts[numberSlot]) != nil {
            return nil // a numbered row with only a name is a product
        }
        var label = texts[labels[0]]
        // `I. Huyện Na Rì`, `A - SẢN PHẨM 4 SAO`
        if let m = label.firstIndex(where: { $0 == "." || $0 == "-" || $0 == ")" }),
           case let head = String(label[..<m]).trimmingSpaces, head.count <= 4, isEnumerator(head) {
            label = String(label[label.index(after: m)...]).trimmingSpaces
        }
        let key = HeaderAliases.key(label)
        var stars: Int?
        let words = key.split(separator: " ")
        if let i = words.firstIndex(of: "sao"), i > 0, let n = Int(words[i - 1]), (1...5).contains(n) { stars = n }
        var district: String?
        for p in ["huyen ", "thi xa ", "thanh pho ", "quan ", "tp ", "tx "] where key.hasPrefix(p) { district = label; break }
        let numbered = numberSlot.map { filled.contains($0) } ?? false
        // a lone label without an enumerator is a section only when it names a district or a star level
        guard numbered || stars != nil || district != nil || labels[0] != nameSlot else { return nil }
        return (district, stars)
    }

    /// `I`, `IV`, `A`, `b`, `1`: a section's number.
    static func isEnumerator(_ s: String) -> Bool {
        !s.isEmpty && (s.allSatisfy { "IVXLivxl".contains($0) } || (s.count == 1 && s.first!.isLetter) || Int(s) != nil)
    }
}
