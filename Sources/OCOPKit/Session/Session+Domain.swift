/// Commands about the data itself: `warnings`, and `--compare`.
extension Session {
    /// Every load warning with its file and line, then the summary; or a line saying there
    /// are none.
    func warningsText() -> String {
        guard !dataset.warnings.isEmpty else { return Message.noWarnings.text(options.lang) + "\n" }
        var out = dataset.warnings.map { $0.rendered(color: options.render.color, lang: options.lang) }.joined()
        if let s = dataset.warningSummary { out += s.text(options.lang) + "\n" }
        return out + uncertainUnitsText()
    }

    /// One line per table with rows whose new unit the built-in table chose (describe, warnings).
    func uncertainUnitsText(_ only: String? = nil) -> String {
        dataset.tableOrder.compactMap { name in
            guard only == nil || only == name, let u = dataset.uncertainUnits[name] else { return nil }
            return say(u.message(name)) + "\n"
        }.joined()
    }


    /// `ocop --data A --compare B`: the changes from the loaded data to `other`, printed as a
    /// result in the session's format.
    public func showComparison(to other: Dataset) -> Outcome {
        guard let t = Compare.table(from: dataset, to: other, lang: options.lang) else {
            report(Diagnostic(.data, .compareNeedsID, help: [.helpCompareByID]))
            return .failed(.data)
        }
        show(.rows(Frame(table: t)))
        return .ok
    }
}
