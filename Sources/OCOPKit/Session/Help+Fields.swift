/// Help on the loaded dataset: one entry per table, per field and per relation, with its type,
/// what it means in OCOP terms, values from the data and examples built from them.
extension Help {
    /// The entries of the dataset whose names pass `wanted`. A field's entry reads its whole
    /// column (counts, common values), so `help stars` on a million rows builds only that one.
    /// With `placeholders`, a field not wanted still has an entry: its names, no text.
    static func dataEntries(_ session: Session, wanted: ([String]) -> Bool = { _ in true },
                            placeholders: Bool = false) -> [HelpEntry] {
        let lang = session.options.lang
        let ds = session.dataset
        var out: [HelpEntry] = []
        for name in ds.tableOrder {
            let t = ds.tables[name]!
            var text = Msg.text("help.table", lang, name, ValueFormat.grouped(Int64(t.rowCount), lang), t.fieldNames.joined(separator: ", "))
            if !t.relations.isEmpty { text += "\n" + Msg.text("describe.relations", lang, session.relationList(t)) }
            if let m = meaning(name, name, lang) { text = m + "\n" + text }
            out.append(HelpEntry([name], .table, text, examples: ["describe \(name)", "\(name) count"]))
        }
        for name in ds.tableOrder {
            let t = ds.tables[name]!
            for field in t.fieldNames {
                let names = [field, "\(name).\(field)"]
                guard wanted(names) else {
                    if placeholders { out.append(HelpEntry(names, .field, "", examples: [])) }
                    continue
                }
                guard let col = t.field(field, today: session.env.today) else { continue }
                out.append(fieldEntry(name, field, col, t, session))
            }
            for rel in t.relations.keys.sorted() {
                let r = t.relations[rel]!
                var many = false
                if case .toMany = r { many = true }
                let text = Msg.text(many ? "help.relationMany" : "help.relationOne", lang, rel, name, r.target.name)
                    + "\n" + Msg.text("help.fieldsOf", lang, r.target.name, r.target.columnNames.joined(separator: ", "))
                let second = quoted(r.target.columnNames.dropFirst().first ?? "id")
                let examples = many
                    ? ["\(name) select count(\(rel)) as n sort by n desc limit 3", "\(name) where count(\(rel)) >= 2 count"]
                    : ["\(name) select \(rel).\(second) limit 3", "\(name) where \(rel).\(second) is not null count"]
                out.append(HelpEntry([rel, "\(name).\(rel)"], .field, text, examples: examples, see: ["relations"]))
            }
        }
        return out
    }

    /// A field's entry: `province — field` / text field of products: the province …
    static func fieldEntry(_ table: String, _ field: String, _ col: Column, _ t: Table, _ session: Session) -> HelpEntry {
        let lang = session.options.lang
        let st = FieldStats(col, Frame(table: t), topCount: 5)
        var text = Msg.text(t.derived[field] != nil ? "help.derivedFieldOf" : "help.fieldOf", lang, col.type.name.text(lang), table)
        if let m = meaning(table, field, lang) ?? t.derived[field]?.meaning { text += ": " + m }
        text += "\n" + Msg.text("help.fieldCounts", lang, ValueFormat.grouped(Int64(st.present), lang),
                                ValueFormat.grouped(Int64(st.missing), lang), ValueFormat.grouped(Int64(st.distinct), lang))
        let summary = st.summary(lang)
        if !summary.isEmpty { text += "\n" + Msg.text("help.fieldValues", lang, summary.hasSuffix("…") ? String(summary.dropLast(3)) : summary) }
        let f = quoted(field)
        var examples: [String] = []
        switch col.type {
        case .text:
            if let (v, _) = st.top.first, st.distinct < st.present {
                examples.append("\(table) where \(f) = \(Renderer.jsonValue(.text(v))) count")
                if st.distinct <= 40 { examples.append("\(table) group by \(f) count") }
            } else {
                examples.append("\(table) select \(f) limit 3")
            }
        case .integer, .decimal:
            examples.append("\(table) sort by \(f) desc limit 3")
            if case .integer(let hi) = st.max { examples.append("\(table) where \(f) >= \(hi) count") }
        case .date:
            examples.append("\(table) group by year(\(f)) count")
            if !st.max.isNull { examples.append("\(table) where \(f) >= \(ValueFormat.plain(st.max)) - 1 year count") }
        case .boolean:
            examples.append("\(table) where \(f) = true count")
        default:
            examples.append("\(table) select \(f) limit 3")
        }
        if st.missing > 0 { examples.append("\(table) where \(f) is null count") }
        return HelpEntry([field, "\(table).\(field)"], .field, text, examples: examples, see: ["describe"])
    }

    /// A field name as written in a query: in backquotes when it is spelt like a keyword.
    static func quoted(_ field: String) -> String {
        Token.keywords.contains(field.lowercased()) ? "`\(field)`" : field
    }

    /// What a table or field means in OCOP terms (Messages: `field.TABLE.FIELD`, then `field.FIELD`).
    static func meaning(_ table: String, _ field: String, _ lang: Lang) -> String? {
        let cat = Msg.catalogue(lang)
        let key = table == field ? "table.\(table)" : "field.\(table).\(field)"
        if let m = cat[key] ?? Msg.english[key] { return m }
        if table != field, let m = cat["field.\(field)"] ?? Msg.english["field.\(field)"] { return m }
        return nil
    }
}
