/// `help`, `help TOPIC`, `help topics`: an overview that fits one screen, then an entry for
/// every keyword, operator, function, command, table and field of the loaded dataset.
/// Entries live in Help+Language.swift, Help+Commands.swift, Help+Fields.swift (from the data)
/// and Help+Domain.swift (the OCOP data model).
enum Help {
    /// The text `help TOPIC` prints (the overview for a bare `help`).
    static func text(topic: String?, session: Session) -> String {
        let lang = session.options.lang
        guard let raw = topic?.trimmingSpaces, !raw.isEmpty else { return overview(session) }
        let topic = raw.hasPrefix("\"") && raw.hasSuffix("\"") && raw.count > 1 ? String(raw.dropFirst().dropLast()) : raw
        if topic.lowercased() == "topics" { return topicList(session) }
        let found = entries(for: topic, session: session)
        if !found.isEmpty { return found.map { $0.rendered(lang) }.joined(separator: "\n") }
        let names = allNames(session)
        let near = EditDistance.nearest(topic, in: names, limit: 3)
        var out = Msg.text("help.unknown", lang, topic)
        if !near.isEmpty { out += Msg.text("help.didYouMean", lang, near.map { "help \($0)" }.joined(separator: ", ")) }
        return out + "\n" + Msg.text("help.listTopics", lang) + "\n"
    }

    /// Every entry: the language, the commands, the domain topics, then the tables and
    /// fields of the loaded dataset.
    static func allEntries(_ session: Session) -> [HelpEntry] {
        localized(language + commands + domainEntries, session.options.lang) + dataEntries(session)
    }

    /// The entries `topic` names: exact names first (case-insensitive), then
    /// `table.field`. A word that is both a keyword and a field gets both.
    static func entries(for topic: String, session: Session) -> [HelpEntry] {
        let key = topic.lowercased()
        let all = localized(language + commands + domainEntries, session.options.lang)
            + dataEntries(session, wanted: { $0.contains { $0.lowercased() == key } })
        var found = all.filter { $0.names.contains { $0.lowercased() == key } }
        if found.isEmpty { found = all.filter { $0.names.contains(topic) } }
        return found
    }

    /// Every name `help` knows (for suggestions and completion).
    static func allNames(_ session: Session) -> [String] {
        var seen = Set<String>()
        return entryNames(session).flatMap(\.names).filter { seen.insert($0).inserted }
    }

    /// The names and kinds of every entry, without building the entries of fields (which read
    /// their columns).
    static func entryNames(_ session: Session) -> [(names: [String], kind: HelpEntry.Kind)] {
        (localized(language + commands + domainEntries, session.options.lang)
            + dataEntries(session, wanted: { _ in false }, placeholders: true)).map { ($0.names, $0.kind) }
    }

    /// Topic names for completion without a session: the language and the commands.
    static var topics: [String: HelpEntry] {
        var out: [String: HelpEntry] = [:]
        for e in language + commands + domainEntries { for n in e.names where out[n] == nil { out[n] = e } }
        return out
    }

    /// `help`: one screen.
    static func overview(_ session: Session) -> String {
        let lang = session.options.lang
        let tables = session.dataset.tableOrder.map { "\($0) (\(ValueFormat.grouped(Int64(session.dataset.tables[$0]!.rowCount), session.options.lang)))" }
        return Msg.text("help.overview", lang, tables.joined(separator: ", ")) + "\n"
    }

    /// `help topics`: every topic by kind.
    static func topicList(_ session: Session) -> String {
        let lang = session.options.lang
        let all = entryNames(session)
        var out = ""
        for kind in HelpEntry.Kind.allCases {
            var seen = Set<String>()
            let names = all.filter { $0.kind == kind }.flatMap(\.names).filter { seen.insert($0).inserted }
            guard !names.isEmpty else { continue }
            out += Msg.text("help.kinds.\(kind.rawValue)", lang) + ": " + names.joined(separator: " ") + "\n"
        }
        return out
    }
}
