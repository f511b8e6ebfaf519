import Foundation

/// The load summary of a printed list, one line per spreadsheet table: what was loaded, how
/// many rows were skipped and why, and how many cells could not be read.
/// `Danh sách OCOP 2024.xlsx, sheet 'Danh sách': 6 products; 13 rows skipped (4 section, 3 total, 2 blank, 4 below the table); 2 unreadable cells left empty (type warnings to list them)`.
extension Dataset {
    public func layoutSummary(_ lang: Lang) -> [String] {
        layouts.compactMap { note -> String? in
            guard let t = tables[note.table] else { return nil }
            let r = note.report
            var line: String
            let file = (note.file as NSString).lastPathComponent
            let count = ValueFormat.grouped(Int64(t.rowCount))
            if let sheet = r.sheet { line = Msg.text("load.layout.sheet", lang, file, sheet, count, note.table) }
            else { line = Msg.text("load.layout", lang, file, count, note.table) }
            if r.totalSkipped > 0 {
                let parts = PrintedLayout.Skip.allCases.compactMap { k -> String? in
                    let n = r.skipped[k.rawValue]
                    return n == 0 ? nil : Msg.text("load.layout.\(k)", lang, String(n))
                }
                line += Msg.text("load.layout.skipped", lang, String(r.totalSkipped), parts.joined(separator: ", "))
            }
            if r.filledDistrict + r.filledStars > 0 {
                line += Msg.text("load.layout.filled", lang, String(r.filledDistrict + r.filledStars))
            }
            if !r.problems.isEmpty { line += Msg.text("load.layout.unreadable", lang, String(r.problems.count)) }
            if let e = note.encoding { line += Message.loadEncoding(encoding: e.name).text(lang) }
            return line
        }
    }

    /// How many problems make `--strict` refuse this dataset: load warnings (unreadable
    /// cells among them); 0 when clean.
    public var doubts: Int { warnings.filter { $0.severity != .note }.count }
}
