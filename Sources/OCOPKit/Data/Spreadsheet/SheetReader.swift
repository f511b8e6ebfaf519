/// Reads one worksheet part into rows of cells (XMLScanner.swift, measured against
/// XMLParser there): `<row r>`, `<c r s t>` with `<v>` or `<is><t>…</t></is>`, and
/// `<mergeCell ref>`. Cells are collected sparsely by their `r` reference (a cell or row
/// without one follows the previous), and `<dimension>` is never trusted for allocation.
extension Workbook {
    /// The sheet at `index` of `sheets`.
    func sheet(_ index: Int) throws(Failure) -> Sheet {
        let entry = sheets[index]
        guard let bytes = try Self.part(entry.path, in: archive) else {
            throw Failure(code: .xlsxSheetMissing(name: entry.name, part: entry.path), help: [.helpResaveXLSX])
        }
        return try read(bytes, name: entry.name, part: entry.path)
    }

    /// The rows of sheet XML `bytes`.
    func read(_ bytes: [UInt8], name: String, part: String) throws(Failure) -> Sheet {
        var rows: [[CellValue]] = []
        var merged: [MergedRange] = []
        var row = -1, col = -1
        // the cell being read
        var type: CellType = .number
        var style = 0
        // the cell's text: one range of the buffer (the usual case), or pieces joined
        var valueRange: Range<Int>?
        var joined: String?
        var inValue = false, inInline = false, inT = false, inPhonetic = false, inCell = false
        let strings = sharedStrings, dates = dateStyles
        func put(_ s: XMLScanner) {
            guard row >= 0, col >= 0, row < 1_048_576, col < 16_384 else { return }
            let cell: CellValue
            switch type {
            case .number where joined == nil:
                guard let r = valueRange else { return }
                if let d = Parse.decimal(ColumnBuilder.trimmed(UnsafeBufferPointer(rebasing: s.bytes[r]))) {
                    cell = style < dates.count && dates[style] ? .date(d) : .number(d)
                } else {
                    let t = s.string(r).trimmingSpaces
                    if t.isEmpty { return }
                    cell = .text(t)
                }
            case .shared where joined == nil:
                guard let r = valueRange, let i = s.int(r), i < strings.count else { cell = .error("#REF!"); break }
                cell = strings[i].isEmpty ? .empty : .text(strings[i])
            default:
                let value = joined ?? valueRange.map { s.string($0) } ?? ""
                cell = Self.cell(type, value, style: style, dates: dates, strings: strings)
            }
            if cell == .empty { return }
            while rows.count <= row { rows.append([]) }
            if rows[row].count <= col { rows[row].append(contentsOf: repeatElement(.empty, count: col + 1 - rows[row].count)) }
            rows[row][col] = cell
        }
        try Self.scan(bytes, part: part) { s, token throws(Failure) in
            switch token {
            case .start(let tag, let attrs, let selfClosing):
                if s.equals(tag, "c") {
                    inCell = true
                    if let r = s.attribute("r", in: attrs), let (rr, cc) = Self.reference(s, r) {
                        if rr != row { row = rr }
                        col = cc
                    } else {
                        col += 1
                    }
                    style = s.attribute("s", in: attrs).flatMap(s.int) ?? 0
                    type = s.attribute("t", in: attrs).map { CellType(s, $0) } ?? .number
                    valueRange = nil
                    joined = nil
                    if selfClosing { inCell = false }
                } else if s.equals(tag, "row") {
                    if let r = s.attribute("r", in: attrs).flatMap(s.int), r >= 1 { row = r - 1 } else { row += 1 }
                    col = -1
                } else if inCell && s.equals(tag, "v") {
                    inValue = !selfClosing
                } else if inCell && s.equals(tag, "is") {
                    inInline = !selfClosing
                } else if inInline && s.equals(tag, "t") {
                    inT = !selfClosing
                } else if inInline && s.equals(tag, "rPh") {
                    inPhonetic = !selfClosing
                } else if s.equals(tag, "mergeCell"), let ref = s.attribute("ref", in: attrs) {
                    if let m = Self.range(s.string(ref)) { merged.append(m) }
                }
            case .end(let tag):
                if s.equals(tag, "c") { if inCell { put(s) }; inCell = false }
                else if s.equals(tag, "v") { inValue = false }
                else if s.equals(tag, "is") { inInline = false }
                else if s.equals(tag, "t") { inT = false }
                else if s.equals(tag, "rPh") { inPhonetic = false }
            case .text(let r):
                guard inValue || (inT && !inPhonetic) else { break }
                if let j = joined { joined = j + s.string(r) }
                else if let v = valueRange { joined = s.string(v) + s.string(r); valueRange = nil }
                else { valueRange = r }
            }
        }
        return Sheet(name: name, rows: rows, merged: merged)
    }

    /// A cell from its type and text (the less common paths).
    static func cell(_ type: CellType, _ value: String, style: Int, dates: [Bool], strings: [String]) -> CellValue {
        let cell: CellValue
        switch type {
            case .shared:
                guard let i = Int(value.trimmingSpaces), i >= 0, i < strings.count else { return .error("#REF!") }
                cell = strings[i].isEmpty ? .empty : .text(strings[i])
            case .inline, .string:
                cell = value.isEmpty ? .empty : .text(value)
            case .bool:
                cell = .bool(value.trimmingSpaces == "1" || value.trimmingSpaces == "true")
            case .error:
                cell = .error(value)
            case .isoDate:
                cell = value.isEmpty ? .empty : .isoDate(value)
            case .number:
                let t = value.trimmingSpaces
                if t.isEmpty { return .empty }
                guard let d = Double(t) else { return .text(t) }
                cell = style < dates.count && dates[style] ? .date(d) : .number(d)
        }
        return cell
    }

    enum CellType {
        case shared, inline, string, bool, error, isoDate, number

        init(_ s: XMLScanner, _ r: Range<Int>) {
            if s.equals(r, "s") { self = .shared }
            else if s.equals(r, "inlineStr") { self = .inline }
            else if s.equals(r, "str") { self = .string }
            else if s.equals(r, "b") { self = .bool }
            else if s.equals(r, "e") { self = .error }
            else if s.equals(r, "d") { self = .isoDate }
            else { self = .number }
        }
    }

    /// `AB12` → (11, 27), 0-based.
    static func reference(_ s: XMLScanner, _ r: Range<Int>) -> (Int, Int)? {
        var col = 0, row = 0, i = r.lowerBound
        while i < r.upperBound, let l = Self.letter(s.bytes[i]) { col = col * 26 + l; i += 1; if col > 20_000 { return nil } }
        guard i > r.lowerBound, i < r.upperBound else { return nil }
        while i < r.upperBound {
            let d = s.bytes[i] &- 48
            guard d < 10 else { return nil }
            row = row * 10 + Int(d)
            if row > 2_000_000 { return nil }
            i += 1
        }
        guard row >= 1 else { return nil }
        return (row - 1, col - 1)
    }

    private static func letter(_ b: UInt8) -> Int? {
        if b >= 65 && b <= 90 { return Int(b) - 64 }
        if b >= 97 && b <= 122 { return Int(b) - 96 }
        return nil
    }

    /// `A1:C2` → the merged rectangle; `A1` alone is one cell.
    static func range(_ ref: String) -> MergedRange? {
        let parts = ref.split(separator: ":").map { Array($0.utf8) }
        guard (1...2).contains(parts.count) else { return nil }
        var corners: [(Int, Int)] = []
        for p in parts {
            let found: (Int, Int)? = p.withUnsafeBufferPointer { b in reference(XMLScanner(b), 0..<b.count) }
            guard let c = found else { return nil }
            corners.append(c)
        }
        let a = corners[0], b = corners.last ?? corners[0]
        return MergedRange(firstRow: min(a.0, b.0), firstColumn: min(a.1, b.1), lastRow: max(a.0, b.0), lastColumn: max(a.1, b.1))
    }
}
