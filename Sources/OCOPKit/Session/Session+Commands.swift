/// REPL and script commands: help, tables, describe, set, clear, quit.
extension Session {
    func command(_ c: Command, _ s: Statement, _ source: Source) throws(Diagnostic) -> Outcome {
        switch c {
        case .quit: return .quit
        case .clear:
            if options.interactive { sink.out("\u{1B}[H\u{1B}[2J") }
        case .tables:
            var text = ""
            for name in dataset.tableOrder {
                guard let t = dataset.tables[name] else { continue }
                text += say(.tablesTable(name: name, n: t.rowCount, fields: t.columnNames)) + "\n"
            }
            for name in env.variables.keys.sorted() {
                guard let v = env.variables[name] else { continue }
                text += say(.tablesVariable(name: name, n: v.count)) + "\n"
            }
            emit(text)
        case .help(let topic):
            emit(Help.text(topic: topic, session: self))
        case .describe(let what):
            emit(try describe(what, s, source))
        case .set(let name, let value):
            try set(name, value, source)
        case .settings:
            emit(settingsText())
        case .warnings:
            emit(warningsText())
        case .tutorial(let arg):
            try tutorialCommand(arg, s, source)
        }
        return .ok
    }

    /// `set NAME VALUE` through the table of settings (Language/Settings.swift); `set NAME`
    /// shows one setting.
    func set(_ name: Name, _ value: String?, _ source: Source) throws(Diagnostic) {
        guard let setting = Setting.named(name.text) else {
            throw Diagnostic(.name, .settingUnknown(name: name.text), at: name.range, in: source,
                             help: [EditDistance.nearest(name.text, in: Setting.names).map { .settingDidYouMean(name: $0) }
                                    ?? .settingList(names: Setting.names)], topic: "set")
        }
        guard var value else {
            emit(settingsText([setting]))
            return
        }
        // `set lang vi save`: also kept in the config file
        var save = false
        if value.hasSuffix(" save") {
            save = true
            value = String(value.dropLast(5)).trimmingCharacters(in: .whitespaces)
        }
        // a bad value in a script is a script error (exit 1), not a bad command line (.usage, 2)
        guard setting.apply(&options, value) else {
            throw Diagnostic(.type, setting.invalid, at: name.range, in: source, topic: "set")
        }
        env.today = options.today
        if save {
            guard ConfigFile.kept.contains(setting.name) else {
                throw Diagnostic(.type, .configNotKept(name: setting.name, kept: ConfigFile.kept), at: name.range, in: source, topic: "set")
            }
            guard let path = configPath else { return }
            if let reason = ConfigFile.save(setting.name, setting.current(options), to: path) {
                throw Diagnostic(.runtime, .configCannotSave(file: path, reason: reason), at: name.range, in: source)
            }
            sink.err(say(.configSaved(name: setting.name, file: path)) + "\n")
        }
    }

    /// `set` alone, `settings`: each setting with its value, what it takes and what it does.
    func settingsText(_ settings: [Setting] = Setting.all) -> String {
        let width = settings.map { $0.name.count + 1 + $0.current(options).count }.max() ?? 0
        return settings.map { s in
            let head = "\(s.name) \(s.current(options))"
            return head + String(repeating: " ", count: width - head.count + 2) + "(\(s.valuesText)) \(s.help.text(options.lang))\n"
        }.joined()
    }
}
