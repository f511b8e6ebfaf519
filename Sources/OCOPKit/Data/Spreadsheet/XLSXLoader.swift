import Foundation

/// An .xlsx file as a dataset's tables: the sheet whose header looks like a products list is
/// `products` (`--sheet NAME` chooses it instead); a sheet of producers or of certifications
/// is loaded as that table. Each sheet goes through PrintedLayout.
enum XLSXLoader {
    /// The tables of the workbook at `path`, added to `ds`.
    static func load(_ path: String, sheet chosen: String?, into ds: Dataset, only table: String? = nil) throws(Diagnostic) {
        let wb: Workbook
        do { wb = try Workbook(path: path) } catch { throw Diagnostic.data(error.code, file: path, help: error.help) }
        guard !wb.sheets.isEmpty else { throw Diagnostic.data(.noSheets, file: path) }
        var sheets: [Sheet] = []
        for i in wb.sheets.indices {
            do { sheets.append(try wb.sheet(i)) } catch { throw Diagnostic.data(error.code, file: path, help: error.help) }
        }
        let names = wb.sheets.map(\.name)
        var roles: [String: Int] = [:]
        if let chosen {
            guard let i = names.firstIndex(of: chosen) ?? names.firstIndex(where: { HeaderAliases.key($0) == HeaderAliases.key(chosen) }) else {
                throw Diagnostic.data(.noSheet(name: chosen), file: path, help: [.helpSheets(names: names.map { "'\($0)'" })])
            }
            roles[table ?? "products"] = i
        } else {
            var found: [String: [Int]] = [:]
            for (i, s) in sheets.enumerated() {
                if let role = role(of: s.rows) { found[role, default: []].append(i) }
            }
            if let products = found["products"], products.count > 1, table == nil || table == "products" {
                throw Diagnostic.data(.severalProductsSheets(sheets: products.map { "'\(names[$0])'" }), file: path,
                                      help: [.helpChooseSheet(name: names[products[0]])])
            }
            for (role, list) in found { roles[role] = list[0] }
            if let table {
                guard let i = roles[table] else { return }
                roles = [table: i]
            }
        }
        guard !roles.isEmpty else {
            throw Diagnostic.data(.noProductsSheet, file: path, help: [.helpProductsHeader, .helpSheets(names: names.map { "'\($0)'" })])
        }
        for name in ["products", "producers", "certifications", "units"] {
            guard let i = roles[name] else { continue }
            let s = sheets[i]
            do {
                ds.add(try PrintedLayout.load(s.rows, merged: s.merged, name: name, sheet: s.name, file: path, dayOf: wb.day(serial:), into: ds))
            } catch {
                throw Diagnostic.data(error.code, file: path, line: error.row.map { $0 + 1 }, help: error.help + [.sheetNamed(name: s.name)])
            }
        }
    }

    /// What a sheet holds, from the known headers of its best header row.
    static func role(of rows: [[CellValue]]) -> String? {
        var best: (String, Int)?
        for r in 0..<min(rows.count, 40) {
            let cells = rows[r].map { PrintedLayout.text($0, dayOf: { _ in nil }).trimmingSpaces }.filter { !$0.isEmpty }
            func columns(_ table: String) -> Set<String> {
                Set(cells.compactMap { if case .column(let c) = HeaderAliases.resolve($0, table: table) { return c }; return nil })
            }
            let p = columns("products"), pr = columns("producers"), c = columns("certifications")
            var role: (String, Int)?
            if c.contains("product_id"), !p.contains("name"), !c.isDisjoint(with: ["stars", "decision", "certified_on", "status"]) {
                role = ("certifications", c.count)
            } else if p.contains("name"), !p.isDisjoint(with: ["stars", "score", "category", "producer_name", "certified_on"]) {
                role = ("products", p.count)
            } else if pr.contains("name"), !pr.isDisjoint(with: ["kind", "id"]), p.isDisjoint(with: ["stars", "score"]) {
                role = ("producers", pr.count)
            }
            if let role, role.1 > (best?.1 ?? 0) { best = role }
        }
        return best?.0
    }
}

/// What the printed layout of one table did, for the load summary and the warnings; for a
/// CSV, also the encoding it was converted from (nil: UTF-8).
struct LayoutNote {
    var table: String
    var file: String
    var report: PrintedLayout.Report
    var encoding: TextEncoding? = nil
}

extension PrintedLayout {
    /// The table `name` from a grid of cells (a sheet, or a CSV read as one), with the
    /// columns a printed list implies filled in (ListColumns) and its note added to `ds`.
    static func load(_ rows: [[CellValue]], merged: [MergedRange], name: String, sheet: String?, file: String,
                     encoding: TextEncoding? = nil, dayOf: DayOf, into ds: Dataset) throws(Failure) -> Table {
        var (t, report, sheetRows) = try table(rows: rows, merged: merged, name: name, sheet: sheet, dayOf: dayOf)
        t.origin = TableOrigin(file: file, csvBytes: nil, sheet: sheet, sheetRows: sheetRows)
        yearsInDates(t, &report, name: name)
        ListColumns.apply(t)
        report.filledDistrict += ListColumns.fillDistricts(t, report.sectionDistricts)
        ds.layouts.append(LayoutNote(table: name, file: file, report: report, encoding: encoding))
        return t
    }

    /// A certification date cell that holds only a year (`2022`, as many lists write it): by
    /// Năm công nhận's rule (ListColumns.swift) it is the row's certified_year, and
    /// certified_on stays empty rather than an invented 1 January; not an unreadable cell.
    static func yearsInDates(_ t: Table, _ report: inout Report, name: String) {
        var years: [Int: Int64] = [:]
        report.problems.removeAll { p in
            guard HeaderAliases.resolve(p.header, table: name) == .column("certified_on"),
                  p.text.utf8.count == 4, let y = Int64(p.text), (1900...2100).contains(y) else { return false }
            years[p.tableRow] = y
            return true
        }
        guard !years.isEmpty else { return }
        let existing = t.column("certified_year")
        guard existing == nil || existing?.type == .integer else { return }
        let values: [Value] = (0..<t.rowCount).map { r in years[r].map(Value.integer) ?? existing?.value(r) ?? .null }
        t.setColumn(Column.from(name: "certified_year", type: .integer, values: values))
    }
}
