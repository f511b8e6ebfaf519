import Foundation

/// A CSV (or TSV) file as people send it (issue 15): in UTF-8, UTF-16 with a byte order mark,
/// Windows-1258 or TCVN3 (TextEncoding.swift: converted to UTF-8 first); its separator `,`,
/// `;` or tab found from the header lines (CSVGrid.separator); and when a title sits above
/// the header, or a row of column numbers under it, read as a grid by PrintedLayout, as a
/// sheet of a workbook is. A machine-made UTF-8 CSV keeps the fast column loader
/// (Loader.csvTable): it pays only for a look at its first 64 KiB.
extension Loader {
    static func csvFileTable(_ file: MappedFile, path: String, name: String, into ds: Dataset) throws(Diagnostic) -> Table {
        let all = file.buffer
        switch TextEncoding.sniff(all) {
        case .utf8:
            return try csvText(all, path: path, name: name, encoding: nil, mapped: file, into: ds)
        case .utf16(let bigEndian, let start):
            let bytes = TextEncoding.utf8(fromUTF16: all, bigEndian: bigEndian, start: start)
            return try bytes.withUnsafeBufferPointer { (b) throws(Diagnostic) -> Table in
                try csvText(b, path: path, name: name, encoding: bigEndian ? .utf16BE : .utf16LE, mapped: nil, into: ds)
            }
        case .utf16Unclear:
            throw Diagnostic.data(.encodingUTF16Unclear(candidates: [TextEncoding.utf16LE.name, TextEncoding.utf16BE.name]),
                                  file: path, line: 1, column: 1, help: [.helpSaveAsUTF8])
        case .legacy:
            try refuseBinary(all, file: path)
            switch TextEncoding.legacy(all) {
            case .found(let encoding, let bytes):
                return try bytes.withUnsafeBufferPointer { (b) throws(Diagnostic) -> Table in
                    try csvText(b, path: path, name: name, encoding: encoding, mapped: nil, into: ds)
                }
            case .few:
                return try csvText(all, path: path, name: name, encoding: nil, mapped: file, into: ds)
            case .unclear(let candidates):
                let bad = UTF8Check.firstInvalid(all) ?? 0
                let (line, column) = CSVScanner.location(in: all, of: bad)
                throw Diagnostic.data(.encodingUnknown(byte: String(all[bad], radix: 16, uppercase: true), candidates: candidates.map { $0.name }),
                                      file: path, line: line, column: column, help: [.helpSaveAsUTF8])
            }
        }
    }

    /// UTF-8 CSV text: the fast loader when its first row is the header, else the grid.
    static func csvText(_ all: UnsafeBufferPointer<UInt8>, path: String, name: String, encoding: TextEncoding?,
                        mapped: MappedFile?, into ds: Dataset) throws(Diagnostic) -> Table {
        var start = 0
        if all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { start = 3 }
        let separator = CSVGrid.separator(all, from: start)
        let head = (try? CSVGrid.grid(UnsafeBufferPointer(rebasing: all[0..<min(all.count, TextEncoding.sniffWindow)]),
                                      limit: 41, separator: separator)) ?? []
        let headerRow = PrintedLayout.headerRow(head.count, width: { head[$0].count },
                                                text: { PrintedLayout.text(PrintedLayout.cell(head, $0, $1), dayOf: { _ in nil }) }, name: name)
        let printed = headerRow > 0
            || (headerRow == 0 && head.count > 1 && PrintedLayout.isColumnNumbers(head[1], dayOf: { _ in nil }))
        if printed {
            return try printedTable(all, path: path, name: name, encoding: encoding, separator: separator, into: ds)
        }
        // a list typed with its header on line 1 may still have section and total rows: read
        // it again as a grid when the fast loader's table shows one (hasNonProductRows), or
        // when a cell the loader stops at may be below the table (a signature under `Điểm`):
        // the grid is kept only if it shows a total or a section naming a district or a star
        // level, else the loader's own error stands (a machine-written list with a bad cell)
        let t: Table
        do { t = try csvTable(buffer: all, name: name, file: path, mapped: mapped, separator: separator) } catch {
            guard all.count <= retryLimit else { throw error }
            let scratch = Dataset(folder: "")
            guard let again = try? printedTable(all, path: path, name: name, encoding: encoding, separator: separator, into: scratch),
                  let note = scratch.layouts.last,
                  note.report.skipped[PrintedLayout.Skip.total.rawValue] + note.report.namedSections > 0 else { throw error }
            ds.layouts.append(note)
            return again
        }
        if PrintedLayout.hasNonProductRows(t) {
            return try printedTable(all, path: path, name: name, encoding: encoding, separator: separator, into: ds)
        }
        if let encoding {
            ds.layouts.append(LayoutNote(table: name, file: path, report: PrintedLayout.Report(), encoding: encoding))
            // warnings read the file again for line numbers: give them the converted text
            let text = Array(all)
            t.origin = TableOrigin(file: path, csvBytes: { text })
        }
        return t
    }

    /// A file whose fast load failed is read again as a grid only up to this size: printed
    /// lists are small, and a large file's error should come at once.
    static let retryLimit = 32 << 20

    /// The CSV read as a grid and laid out by PrintedLayout (sections, totals skipped and counted).
    static func printedTable(_ all: UnsafeBufferPointer<UInt8>, path: String, name: String, encoding: TextEncoding?,
                             separator: UInt8, into ds: Dataset) throws(Diagnostic) -> Table {
        let rows: [[CellValue]]
        do { rows = try CSVGrid.grid(all, separator: separator, partial: false) } catch {
            let (line, column) = CSVScanner.location(in: all, of: error.offset)
            throw Diagnostic.data(error.message, file: path, line: line, column: column, help: error.hint.map { [$0] } ?? [])
        }
        do {
            return try PrintedLayout.load(rows, merged: [], name: name, sheet: nil, file: path, encoding: encoding,
                                          dayOf: { _ in nil }, into: ds)
        } catch {
            throw Diagnostic.data(error.code, file: path, line: error.row.map { $0 + 1 }, help: error.help)
        }
    }
}
