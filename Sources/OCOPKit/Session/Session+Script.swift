import Foundation

/// Script statements: param, print, assert; the chart and export endings of a query.
extension Session {
    /// Says what a quiet statement did, on stderr, when --verbose or at the REPL.
    func confirm(_ message: String) {
        if options.verbose || options.interactive { sink.err(message + "\n") }
    }

    /// A compiler for print, assert and param: no current row, only values.
    func valueCompiler(_ source: Source) -> ExprCompiler {
        ExprCompiler(table: ExprCompiler.statementScope, env: env, source: source)
    }

    // MARK: parameters

    /// Sets a parameter from the command line (`--param since=2024-01-01`): typed like a
    /// literal, and never replaced by a `param` default.
    public func setParameter(_ name: String, text: String) {
        env.parameters[name] = Value.literal(text)
        parameterTexts[name] = text
        defaulted.remove(name)
    }

    /// Parameters `text` declares (`param NAME`) or uses (`$NAME`).
    public func parameterNames(in text: String) -> Set<String> {
        let (tokens, _) = Lexer.tokensRecovering(of: Source(name: "", text: text))
        var named = Set<String>()
        for (i, t) in tokens.enumerated() {
            if t.kind == .parameter { named.insert(t.text) }
            if t.kind == .identifier, t.text == "param", i + 1 < tokens.count { named.insert(tokens[i + 1].text) }
        }
        return named
    }

    /// Command-line parameters that `text` neither declares nor uses: most likely misspelt.
    public func unusedParameters(in text: String) -> [String] {
        let named = parameterNames(in: text)
        return parameterTexts.keys.filter { !named.contains($0) }.sorted()
    }

    /// The first `param NAME` (no default) that has no value: checked before a script runs,
    /// so a report does not stop half printed.
    func missingParameter(_ statements: [Statement], _ source: Source) -> Diagnostic? {
        for s in statements {
            guard case .param(let name, nil) = s.kind, env.parameters[name.text] == nil else { continue }
            return missingParameter(name, source)
        }
        return nil
    }

    func missingParameter(_ name: Name, _ source: Source) -> Diagnostic {
        let script = source.name.hasPrefix("<") ? "SCRIPT" : source.name
        return Diagnostic(.usage, "parameter '\(name.text)' has no value", at: name.range, in: source,
                          hints: ["give it on the command line: ocop run \(script) --param \(name.text)=…",
                                  "or give it a default: param \(name.text) = …"])
    }

    /// param = "param" NAME [ "=" expr ]: a command-line value wins over the default, which
    /// must be a value (a literal, `today - 30 days`, a query's count). A command-line value
    /// takes the default's type: `--param province=123` is text when the default is text.
    func param(_ name: Name, _ value: Expr?, _ source: Source) throws(Diagnostic) {
        let given = env.parameters[name.text] != nil && !defaulted.contains(name.text)
        guard let value else {
            guard let v = env.parameters[name.text] else { throw missingParameter(name, source) }
            confirm("param \(name.text) = \(Session.literal(v))")
            return
        }
        let c = try valueCompiler(source).compile(value)
        if c.type == .duration {
            throw Diagnostic(.type, "a parameter is a value, not a duration", at: value.range, in: source,
                             hints: ["for example: param since = today - 30 days"])
        }
        let fallback = try c.eval(0)
        env.notes = []
        if given, let raw = parameterTexts[name.text] {
            let typed = try coerce(raw, env.parameters[name.text]!, like: fallback, name, value, source)
            env.parameters[name.text] = typed
            confirm("param \(name.text) = \(Session.literal(typed)) (from --param)")
            return
        }
        if given {
            confirm("param \(name.text) = \(Session.literal(env.parameters[name.text]!)) (given)")
            return
        }
        env.parameters[name.text] = fallback
        defaulted.insert(name.text)
        confirm("param \(name.text) = \(Session.literal(fallback))")
    }

    /// A command-line value read as the type of the parameter's default.
    func coerce(_ raw: String, _ typed: Value, like fallback: Value, _ name: Name, _ value: Expr,
                _ source: Source) throws(Diagnostic) -> Value {
        let want = fallback.dataType
        if want == .null || typed.dataType == want { return typed }
        switch (want, typed) {
        case (.text, _): return .text(VietText.nfc(Value.unquoted(raw)))
        case (.decimal, .integer(let i)): return .decimal(Double(i))
        default:
            throw Diagnostic(.usage, "--param \(name.text)=\(raw) is not \(want.phrase)", at: name.range, in: source,
                             hints: ["the default \(source.slice(value.range)) is \(want.phrase); give one like it"])
        }
    }

    /// A value as a literal would be written: `"Bắc Kạn"`, `2024-01-01`, `42`.
    static func literal(_ v: Value) -> String {
        switch v {
        case .text: return Renderer.jsonValue(v)
        case .null: return "null"
        default: return ValueFormat.plain(v)
        }
    }

    // MARK: print

    /// The text of print, with each `{…}` replaced by its value. A query there gives its
    /// count or its one value; a one-column query gives its values joined by ", ".
    func interpolate(_ pieces: [TextPiece], _ source: Source) throws(Diagnostic) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let s): out += s
            case .value(let e): out += try text(of: e, source)
            }
        }
        return out
    }

    func text(of e: Expr, _ source: Source) throws(Diagnostic) -> String {
        let style = options.render.dateStyle
        if case .subquery(let q) = e.kind, case .rows(let f) = try Executor(env: env, source: source).run(q) {
            guard f.table.columns.count == 1 else {
                throw Diagnostic(.type, "a query inside {…} must give one column, but this one gives \(f.table.columns.count)",
                                 at: e.range, in: source, hints: ["end it with count, or select one field"])
            }
            let col = f.table.columns[0]
            return (0..<f.count).map { ValueFormat.plain(col.value(f.row($0)), dateStyle: style) }.joined(separator: ", ")
        }
        let c = try valueCompiler(source).compile(e)
        if c.type == .duration {
            throw Diagnostic(.type, "a duration is not a value to print; add it to a date", at: e.range, in: source,
                             hints: ["for example: {today + \(source.slice(e.range))}"])
        }
        return ValueFormat.plain(try c.eval(0), dateStyle: style)
    }

    // MARK: assert

    /// assert CONDITION [, "message"]: a condition that is not true (false, or unknown
    /// because of a null) stops the script with the message at the assert's position.
    func assert(_ condition: Expr, _ message: [TextPiece]?, _ s: Statement, _ source: Source) throws(Diagnostic) {
        let compiler = valueCompiler(source)
        if case .subquery = condition.kind {
            throw Diagnostic(.type, "assert needs a condition, not just a query", at: condition.range, in: source,
                             hints: ["compare its count: assert \(source.slice(condition.range)) count = 0"])
        }
        let holds = try compiler.predicate(condition)(0)
        if holds == .yes { return }
        var hints: [String] = []
        if case .binary(let op, let l, let r) = condition.kind, op.isComparison {
            let lv = try compiler.compile(l).eval(0), rv = try compiler.compile(r).eval(0)
            func show(_ v: Value) -> String { v.isNull ? "null" : ValueFormat.plain(v, dateStyle: options.render.dateStyle) }
            hints.append("\(source.slice(l.range)) is \(show(lv)); expected \(op.rawValue) \(show(rv))")
        } else if holds == .unknown {
            hints.append("the condition is unknown (it compares a null)")
        }
        let text = try message.map { (m: [TextPiece]) throws(Diagnostic) -> String in try interpolate(m, source) }
        throw Diagnostic(.runtime, text ?? "assertion failed: \(source.slice(condition.range))",
                         at: s.range, in: source, hints: hints)
    }

    // MARK: chart and export

    /// `… chart`: the rows as a horizontal bar chart, as wide as the terminal.
    func chart(_ q: Query, _ s: Statement, _ source: Source) throws(Diagnostic) {
        let end = SourceRange(s.range.end - "chart".utf8.count, s.range.end) // the chart keyword
        guard case .rows(let f) = try Executor(env: env, source: source).run(q) else {
            throw Diagnostic(.type, "a chart needs rows, but this query gives one number", at: end, in: source,
                             hints: ["group first: \(q.source.text) group by province count chart"])
        }
        let t = ResultTable(f)
        if let (message, hint) = Chart.problem(t) {
            throw Diagnostic(.type, message, at: end, in: source, hints: [hint])
        }
        var o = options.render
        if let w = terminalWidth?(), w > 0 { o.width = w }
        sink.out(Chart.render(t, o))
    }

    /// `… export "file.csv" [overwrite]`: the result written to a file, atomically.
    func export(_ q: Query, _ target: ExportTarget, _ source: Source) throws(Diagnostic) {
        guard let format = Export.format(for: target.path) else {
            throw Diagnostic(.runtime, "cannot tell the format of '\(target.path)'", at: target.range, in: source,
                             hints: ["end the file name with .csv, .json or .md"])
        }
        let result = try Executor(env: env, source: source).run(q)
        var o = options.render
        o.format = format
        o.maxRows = nil
        o.excel = options.render.excel && format == .csv
        var text: String
        let rows: Int
        switch result {
        case .rows(let f):
            text = Renderer.render(ResultTable(f), o)
            rows = f.count
        case .scalar(let v, let label):
            text = Renderer.scalar(v, label: label, o)
            rows = 1
        }
        if o.excel { text = Renderer.bom + text }
        do {
            try Export.write(text, to: target.path, overwrite: target.overwrite, dataFolders: env.readFolders)
        } catch {
            throw Diagnostic(.runtime, error.message, at: target.range, in: source, hints: error.hints)
        }
        confirm("exported \(ValueFormat.grouped(Int64(rows))) row\(rows == 1 ? "" : "s") to \(target.path)")
    }
}

extension Value {
    /// A value typed as a literal would be: `42`, `91.5`, `2024-01-01` or `01/01/2024`,
    /// `true`/`false`, else text (surrounding double quotes removed). For --param.
    public static func literal(_ s: String) -> Value {
        if let i = Int64(s) { return .integer(i) }
        if s.contains("."), let d = Double(s), d.isFinite { return .decimal(d) }
        if let d = Day(parsing: s) { return .date(d) }
        if s == "true" || s == "false" { return .boolean(s == "true") }
        return .text(VietText.nfc(unquoted(s)))
    }

    static func unquoted(_ s: String) -> String {
        if s.count >= 2, s.first == "\"", s.last == "\"" { return String(s.dropFirst().dropLast()) }
        return s
    }
}
