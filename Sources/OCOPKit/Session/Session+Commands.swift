/// REPL and script commands: help, tables, describe, set, clear, quit.
extension Session {
    func command(_ c: Command, _ s: Statement, _ source: Source) throws(Diagnostic) -> Outcome {
        switch c {
        case .quit: return .quit
        case .clear:
            if options.interactive { sink.out("\u{1B}[H\u{1B}[2J") }
        case .tables:
            for name in dataset.tableOrder {
                let t = dataset.tables[name]!
                sink.out("\(name) (\(ValueFormat.grouped(Int64(t.rowCount))) rows): \(t.columnNames.joined(separator: ", "))\n")
            }
            for name in env.variables.keys.sorted() {
                sink.out("\(name) (variable, \(ValueFormat.grouped(Int64(env.variables[name]!.count))) rows)\n")
            }
        case .help(let topic):
            sink.out(Help.text(topic: topic, session: self))
        case .describe(let what):
            sink.out(try describe(what, s, source))
        case .set(let name, let value):
            try set(name, value, source)
        case .warnings:
            sink.out(warningsText())
        }
        return .ok
    }

    func set(_ name: Name, _ value: String, _ source: Source) throws(Diagnostic) {
        // a bad value in a script is a script error (exit 1), not a bad command line (.usage, 2)
        func bad(_ msg: String) -> Diagnostic { Diagnostic(.type, msg, at: name.range, in: source) }
        switch name.text {
        case "format":
            guard let f = OutputFormat(rawValue: value) else {
                throw bad("format is one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            options.render.format = f
        case "timer":
            guard let b = Session.onOff(value) else { throw bad("timer is on or off") }
            options.timer = b
        case "max_rows":
            if value == "all" || value == "0" { options.render.maxRows = nil }
            else {
                guard let n = Int(value), n > 0 else { throw bad("max_rows is a number of rows, or all") }
                options.render.maxRows = n
            }
        case "excel":
            guard let b = Session.onOff(value) else { throw bad("excel is on or off") }
            options.render.excel = b
        case "ascii":
            guard let b = Session.onOff(value) else { throw bad("ascii is on or off") }
            options.render.ascii = b
        case "verbose":
            guard let b = Session.onOff(value) else { throw bad("verbose is on or off") }
            options.verbose = b
        case "date_style":
            guard let d = DateStyle(rawValue: value) else { throw bad("date_style is iso or vn") }
            options.render.dateStyle = d
        case "today":
            guard let d = Day(parsing: value) else { throw bad("today is a date like 2026-11-29") }
            options.today = d
            env.today = d
        default:
            let settings = ["format", "timer", "max_rows", "date_style", "today", "excel", "ascii", "verbose"]
            throw Diagnostic(.name, "unknown setting '\(name.text)'", at: name.range, in: source,
                             hints: [EditDistance.nearest(name.text, in: settings).map { "did you mean '\($0)'?" } ?? "settings: \(settings.joined(separator: ", "))"])
        }
    }

    static func onOff(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default: return nil
        }
    }

    /// `describe`, `describe products`, `describe products.province`.
    func describe(_ what: String?, _ s: Statement, _ source: Source) throws(Diagnostic) -> String {
        guard let what else {
            return dataset.tableOrder.map { n in
                let t = dataset.tables[n]!
                return "\(n): \(ValueFormat.grouped(Int64(t.rowCount))) rows, \(t.columns.count) fields"
                    + (t.relations.isEmpty ? "" : "; relations: " + t.relations.keys.sorted().map { "\($0) → \(t.relations[$0]!.target.name)" }.joined(separator: ", "))
            }.joined(separator: "\n") + "\n"
        }
        let parts = what.split(separator: ".").map(String.init)
        guard let table = dataset.tables[parts[0]] ?? env.variables[parts[0]]?.table else {
            throw Diagnostic(.name, "unknown table '\(parts[0])'", at: s.range, in: source,
                             hints: EditDistance.nearest(parts[0], in: env.sourceNames).map { ["did you mean '\($0)'?"] } ?? [])
        }
        if parts.count > 1 {
            guard let col = table.field(parts[1], today: env.today) else {
                throw Diagnostic(.name, "unknown field '\(parts[1])' in \(table.name)", at: s.range, in: source,
                                 hints: EditDistance.nearest(parts[1], in: table.fieldNames).map { ["did you mean '\($0)'?"] } ?? [])
            }
            let f = Frame(table: table)
            let exec = Executor(env: env, source: source)
            let key = Expr(kind: .path([Name(text: col.name, range: s.range)]), range: s.range)
            let g = try exec.group(f, [key])
            return Renderer.render(ResultTable(exec.counted(g)), displayOptions)
        }
        var lines: [[Value]] = []
        for col in table.columns {
            var present = 0
            var distinct = Set<Value>()
            for r in 0..<table.rowCount where !col.isNull(r) {
                present += 1
                if distinct.count < 100_000 { distinct.insert(col.value(r)) }
            }
            let example = (0..<table.rowCount).first { !col.isNull($0) }.map { ValueFormat.plain(col.value($0)) } ?? ""
            lines.append([.text(col.name), .text(col.type.rawValue), .integer(Int64(present)),
                          .integer(Int64(table.rowCount - present)), .integer(Int64(distinct.count)), .text(example)])
        }
        for name in table.derivedNames { lines.append(derivedLine(table, name)) }
        for (name, rel) in table.relations.sorted(by: { $0.key < $1.key }) {
            let kind: String
            if case .toOne = rel { kind = "→ one \(rel.target.name)" } else { kind = "→ many \(rel.target.name)" }
            lines.append([.text(name), .text(kind), .null, .null, .null, .text("")])
        }
        let names = ["field", "type", "present", "missing", "distinct", "example"]
        let types: [DataType] = [.text, .text, .integer, .integer, .integer, .text]
        let t = ResultTable(columns: names, types: types, count: lines.count) { r, c in lines[r][c] }
        return Renderer.render(t, displayOptions)
    }
}
