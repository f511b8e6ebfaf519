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
        case .tutorial(let arg):
            try tutorialCommand(arg, s, source)
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
        case "lang":
            guard let l = Lang(rawValue: value.lowercased()) else { throw bad(Msg.text("setting.lang", options.lang)) }
            options.lang = l
        case "display":
            guard let d = DisplayMode(rawValue: value.lowercased()) else { throw Diagnostic(.type, .settingDisplay, at: name.range, in: source) }
            options.render.display = d
        default:
            let settings = ["format", "timer", "max_rows", "date_style", "today", "excel", "ascii", "verbose", "lang", "display"]
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
}
