/// A CSV or TSV file read as a grid of text cells, for PrintedLayout: the form for lists
/// typed by people (a title above the header, sections, totals), where the fast column
/// loader (Loader.csvTable) is for files whose first row is the header.
enum CSVGrid {
    /// The separator of the header line: `,`, `;` or tab, whichever occurs most outside
    /// quotes in the first lines (Excel writes `;` where the decimal mark is a comma).
    static func separator(_ bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> UInt8 {
        var counts: [UInt8: Int] = [44: 0, 59: 0, 9: 0]
        var quoted = false, lines = 0
        var i = from
        while i < bytes.count, lines < 40 {
            let b = bytes[i]
            if b == 34 { quoted.toggle() }
            else if !quoted {
                if b == 10 { lines += 1 }
                else if counts[b] != nil { counts[b]! += 1 }
            }
            i += 1
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != 44 && b.key == 44) }
        return best.map { $0.value > 0 ? $0.key : 44 } ?? 44
    }

    /// Up to `limit` rows of UTF-8 CSV bytes (a BOM skipped), each cell as text; a malformed
    /// quote ends the rows read so far (for a look at a file's first rows).
    static func rows(_ bytes: [UInt8], limit: Int = .max, separator given: UInt8? = nil) -> [[CellValue]] {
        bytes.withUnsafeBufferPointer { all in
            (try? grid(all, limit: limit, separator: given)) ?? []
        }
    }

    /// Every row of a CSV read as a grid (a BOM skipped); a malformed quote is an error.
    static func grid(_ all: UnsafeBufferPointer<UInt8>, limit: Int = .max, separator given: UInt8? = nil,
                     partial: Bool = true) throws(CSVScanner.ScanError) -> [[CellValue]] {
        var start = 0
        if all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { start = 3 }
        var s = CSVScanner(all, from: start, separator: given ?? separator(all, from: start))
        var out: [[CellValue]] = []
        do {
            while !s.atEnd && out.count < limit {
                var row: [CellValue] = []
                while true {
                    let (f, last) = try s.nextField()
                    let bytes = f.hasEscapes ? s.unescaped(f) : Array(UnsafeBufferPointer(rebasing: all[f.start..<f.end]))
                    let text = VietText.nfc(String(decoding: bytes, as: UTF8.self)).trimmingSpaces
                    row.append(text.isEmpty ? .empty : .text(text))
                    if last { break }
                }
                while let l = row.last, l == .empty { row.removeLast() }
                out.append(row)
            }
        } catch {
            if !partial { throw error }
        }
        return out
    }
}

extension Message {
    /// How to keep a separator inside a field, for the file's own separator (CSVGrid.separator):
    /// a `;` file told to quote its commas would be misled.
    static func helpQuote(separator: UInt8) -> Message {
        switch separator {
        case 59: return .helpQuoteSemicolons
        case 9: return .helpQuoteTabs
        default: return .helpQuoteCommas
        }
    }
}
