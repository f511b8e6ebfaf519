/// Commands about the data itself: `warnings`, and the derived fields in `describe`.
extension Session {
    /// Every load warning with its file and line, then the summary; or a line saying there
    /// are none.
    func warningsText() -> String {
        guard !dataset.warnings.isEmpty else { return Message.noWarnings.text(options.lang) + "\n" }
        var out = dataset.warnings.map { $0.rendered(color: options.render.color, lang: options.lang) }.joined()
        if let s = dataset.warningSummary { out += s.text(options.lang) + "\n" }
        return out
    }

    /// A `describe` line for a derived field: type `integer, derived` and its statistics
    /// for the session's `today`.
    func derivedLine(_ table: Table, _ name: String) -> [Value] {
        guard let col = table.field(name, today: env.today) else { return [.text(name), .text("derived"), .null, .null, .null, .text("")] }
        var present = 0
        var distinct = Set<Value>()
        var example: String?
        for r in 0..<table.rowCount where !col.isNull(r) {
            present += 1
            let v = col.value(r)
            if example == nil { example = ValueFormat.plain(v) }
            if distinct.count < 100_000 { distinct.insert(v) }
        }
        return [.text(name), .text("\(col.type.rawValue), derived"), .integer(Int64(present)),
                .integer(Int64(table.rowCount - present)), .integer(Int64(distinct.count)), .text(example ?? "")]
    }

    /// `ocop --data A --compare B`: the changes from the loaded data to `other`, printed as a
    /// result in the session's format.
    public func showComparison(to other: Dataset) -> Outcome {
        guard let t = Compare.table(from: dataset, to: other) else {
            report(Diagnostic(.data, .compareNeedsID, help: [.helpCompareByID]))
            return .failed(.data)
        }
        show(.rows(Frame(table: t)))
        return .ok
    }
}
