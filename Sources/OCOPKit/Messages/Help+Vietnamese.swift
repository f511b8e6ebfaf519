/// Help entries in Vietnamese: the text of each entry by its title (examples stay as they are).
extension Help {
    static let vietnameseTexts: [String: String] = [:]

    /// The entries with their text in `lang` where a translation exists.
    static func localized(_ entries: [HelpEntry], _ lang: Lang) -> [HelpEntry] {
        guard lang == .vi else { return entries }
        return entries.map { e in
            guard let t = vietnameseTexts[e.title] else { return e }
            return HelpEntry(e.names, e.kind, t, examples: e.examples, see: e.seeAlso)
        }
    }
}
