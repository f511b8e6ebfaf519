import Foundation

/// Columns of a published list that stand for several known columns, resolved after the
/// cells are read (any source: .xlsx, CSV, JSON):
///
/// - `address` (`Địa chỉ`): split by AddressParts into `commune`, `district` and `province`,
///   which it fills where the list has no such column or leaves the cell empty.
/// - `decision` (`Quyết định`): a cell `2345/QĐ-UBND ngày 15/12/2024` keeps `2345/QĐ-UBND` as
///   the decision and, when the list has no `certified_on` column, gives it the date.
/// - `certified_year` (`Năm công nhận`): a year only. The rule: certified_on is NOT invented
///   from it (no 1 January, no 31 December), so certified_on, expires_on, status and days_left
///   stay empty (unknown) for such a row unless another column gives the date; the year is
///   kept and queried as `certified_year` (`products where certified_year = 2022`). A
///   certificate from year Y is valid until some day of Y + 3 (36 months), and which day is
///   not in the list: saying "active" or "expired" near that window would be a guess.
enum ListColumns {
    static func apply(_ t: Table) {
        splitAddress(t)
        decisionDates(t)
    }

    /// A list without a district column whose section rows name districts: the empty
    /// districts (after the address split) are the section's. Returns the cells filled.
    @discardableResult
    static func fillDistricts(_ t: Table, _ sections: [String?]) -> Int {
        guard sections.count == t.rowCount, sections.contains(where: { $0 != nil }) else { return 0 }
        let existing = texts(t, "district")
        guard t.column("district") == nil || existing != nil else { return 0 }
        var filled = 0
        let values: [Value] = (0..<t.rowCount).map { r in
            if let e = existing?[r] { return .text(e) }
            guard let s = sections[r] else { return .null }
            filled += 1
            return .text(s)
        }
        t.setColumn(Column.from(name: "district", type: .text, values: values))
        return filled
    }

    static func texts(_ t: Table, _ name: String) -> [String?]? {
        guard let c = t.column(name), case .text(let codes, let pool) = c.storage else { return nil }
        return codes.map { $0 == StringPool.nullCode ? nil : pool.string($0) }
    }

    static func splitAddress(_ t: Table) {
        guard let addresses = texts(t, "address") else { return }
        var cache: [String: AddressParts] = [:]
        let parts = addresses.map { a -> AddressParts in
            guard let a else { return AddressParts() }
            if let p = cache[a] { return p }
            let p = AddressParts.parse(a)
            cache[a] = p
            return p
        }
        for (name, part) in [("commune", \AddressParts.commune), ("district", \.district), ("province", \.province)] {
            let existing = texts(t, name)
            guard existing != nil || parts.contains(where: { $0[keyPath: part] != nil }) else { continue }
            guard t.column(name) == nil || existing != nil else { continue } // a non-text column is left alone
            let values: [Value] = (0..<t.rowCount).map { r in
                if let e = existing?[r] { return .text(e) }
                return parts[r][keyPath: part].map(Value.text) ?? .null
            }
            t.setColumn(Column.from(name: name, type: .text, values: values))
        }
    }

    /// `2345/QĐ-UBND ngày 15/12/2024` → (`2345/QĐ-UBND`, 2024-12-15).
    static func decision(_ cell: String) -> (String, Day?) {
        let words = cell.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let i = words.firstIndex(where: { VietText.fold($0) == "ngay" }), i > 0 else { return (cell, nil) }
        let number = words[..<i].joined(separator: " ").trimmingCharacters(in: .init(charactersIn: " ,;"))
        let rest = i + 1 < words.count ? words[i + 1].trimmingCharacters(in: .init(charactersIn: " ,;.)")) : ""
        let day: Day? = Array(rest.utf8).withUnsafeBufferPointer { Parse.date($0) ?? Parse.lenientDate($0) }
        return (number.isEmpty ? cell : number, day)
    }

    static func decisionDates(_ t: Table) {
        guard let cells = texts(t, "decision"), cells.contains(where: { $0.map { decision($0).1 != nil } ?? false }) else { return }
        let split = cells.map { $0.map(decision) }
        t.setColumn(Column.from(name: "decision", type: .text, values: split.map { $0.map { Value.text($0.0) } ?? .null }))
        if t.column("certified_on") == nil {
            t.setColumn(Column.from(name: "certified_on", type: .date, values: split.map { $0?.1.map(Value.date) ?? .null }))
        }
    }
}
