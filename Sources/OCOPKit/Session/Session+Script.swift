import Foundation

/// Script statements: param, print, assert; the chart and export endings of a query.
extension Session {
    /// Says what a quiet statement did, on stderr, when --verbose or at the REPL.
    func confirm(_ message: Message) {
        if options.verbose || options.interactive { sink.err(say(message) + "\n") }
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
        return Diagnostic(.usage, .parameterNoValue(name: name.text), at: name.range, in: source,
                          help: [.helpParamOnCommandLine(script: script, name: name.text), .helpParamDefault(name: name.text)],
                          topic: "param")
    }

    /// param = "param" NAME [ "=" expr ]: a command-line value wins over the default, which
    /// must be a value (a literal, `today - 30 days`, a query's count). A command-line value
    /// takes the default's type: `--param province=123` is text when the default is text.
    func param(_ name: Name, _ value: Expr?, _ source: Source) throws(Diagnostic) {
        let given = env.parameters[name.text] != nil && !defaulted.contains(name.text)
        guard let value else {
            guard let v = env.parameters[name.text] else { throw missingParameter(name, source) }
            confirm(.paramConfirm(name: name.text, value: Session.literal(v)))
            return
        }
        let c = try valueCompiler(source).compile(value)
        if c.type == .duration {
            throw Diagnostic(.type, .parameterIsDuration, at: value.range, in: source,
                             help: [.helpParamExample], topic: "param")
        }
        if env.checking, c.constant == nil, !given {
            // a default known only when the script runs (a query's count): its type is enough
            env.parameters[name.text] = nil
            env.opaqueParameters[name.text] = c.type
            return
        }
        let fallback = try c.eval(0)
        env.notes = []
        if given, let raw = parameterTexts[name.text] {
            let typed = try coerce(raw, env.parameters[name.text]!, like: fallback, name, value, source)
            env.parameters[name.text] = typed
            confirm(.paramConfirmFromCommandLine(name: name.text, value: Session.literal(typed)))
            return
        }
        if given {
            confirm(.paramConfirmGiven(name: name.text, value: env.parameters[name.text].map(Session.literal) ?? "null"))
            return
        }
        env.parameters[name.text] = fallback
        defaulted.insert(name.text)
        confirm(.paramConfirm(name: name.text, value: Session.literal(fallback)))
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
            throw Diagnostic(.usage, .paramNotType(name: name.text, raw: raw, type: want), at: name.range, in: source,
                             help: [.helpParamDefaultType(defaultText: source.slice(value.range), type: want)], topic: "param")
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
            // a value from the data is shown, never obeyed: an escape sequence in a name cannot
            // clear the screen (Visible.swift); the script's own text is written as it is
            case .value(let e): out += Visible.text(try text(of: e, source))
            }
        }
        return out
    }

    func text(of e: Expr, _ source: Source) throws(Diagnostic) -> String {
        let style = options.render.dateStyle
        if case .subquery(let q) = e.kind, case .rows(let f) = try Executor(env: env, source: source).run(q) {
            guard f.table.columns.count == 1 else {
                throw Diagnostic(.type, .printQueryColumns(n: f.table.columns.count),
                                 at: e.range, in: source, help: [.helpEndWithCountOrOneField], topic: "print")
            }
            let col = f.table.columns[0]
            return (0..<f.count).map { ValueFormat.plain(col.value(f.row($0)), dateStyle: style) }.joined(separator: ", ")
        }
        let c = try valueCompiler(source).compile(e)
        if c.type == .duration {
            throw Diagnostic(.type, .printDuration, at: e.range, in: source,
                             help: [.helpPrintDuration(text: source.slice(e.range))], topic: "dates")
        }
        return ValueFormat.plain(try c.eval(0), dateStyle: style)
    }

    // MARK: assert

    /// assert CONDITION [, "message"]: a condition that is not true (false, or unknown
    /// because of a null) stops the script with the message at the assert's position.
    func assert(_ condition: Expr, _ message: [TextPiece]?, _ s: Statement, _ source: Source) throws(Diagnostic) {
        let compiler = valueCompiler(source)
        if case .subquery = condition.kind {
            throw Diagnostic(.type, .assertNeedsCondition, at: condition.range, in: source,
                             help: [.helpAssertCompareCount(query: source.slice(condition.range))], topic: "assert")
        }
        let test = try compiler.predicate(condition)
        if env.checking {
            // typed, with its message; whether it holds is for the run
            if let message { _ = try interpolate(message, source) }
            return
        }
        let holds = try test(0)
        if holds == .yes { return }
        var help: [Message] = []
        if case .binary(let op, let l, let r) = condition.kind, op.isComparison {
            let lv = try compiler.compile(l).eval(0), rv = try compiler.compile(r).eval(0)
            func show(_ v: Value) -> String { v.isNull ? "null" : ValueFormat.plain(v, dateStyle: options.render.dateStyle) }
            help.append(.assertValues(expr: source.slice(l.range), value: show(lv), op: op.rawValue, expected: show(rv)))
        } else if holds == .unknown {
            help.append(.assertUnknown)
        }
        let text = try message.map { (m: [TextPiece]) throws(Diagnostic) -> String in try interpolate(m, source) }
        var failed = Diagnostic(.runtime, text.map { .assertMessage(text: $0) } ?? .assertFailed(condition: source.slice(condition.range)),
                                at: s.range, in: source, help: help)
        failed.notes = env.notes
        failed.noTopic = true
        throw failed
    }

    // MARK: chart and export

    /// `… chart`: the rows as a horizontal bar chart, as wide as the terminal.
    func chart(_ q: Query, _ s: Statement, _ source: Source) throws(Diagnostic) {
        let end = SourceRange(s.range.end - "chart".utf8.count, s.range.end) // the chart keyword
        guard case .rows(let f) = try runQuery(q, source) else {
            throw Diagnostic(.type, .chartNeedsRows, at: end, in: source,
                             help: [.helpChartGroupFirst(query: q.source.text)], topic: "chart")
        }
        let t = ResultTable(f)
        if let (message, hint) = Chart.problem(t) {
            throw Diagnostic(.type, message, at: end, in: source, help: [hint], topic: "chart")
        }
        if env.checking { return }
        var o = options.render
        o.lang = options.lang  // its numbers, its label for null, its `0 rows`
        if let w = terminalWidth?(), w > 0 { o.width = w }
        sink.out(Chart.render(t, o))
    }

    /// `… export "file.csv" [overwrite]`: the result written to a file, atomically. A `.xlsx`
    /// file is a workbook of one sheet, or with `sheet "NAME"` one sheet of a workbook that
    /// several exports fill and the end of the run writes (Session+Workbook.swift).
    func export(_ q: Query, _ written: ExportTarget, _ source: Source) throws(Diagnostic) {
        let target = try filledIn(written, source)
        let workbook = Export.isWorkbook(target.path)
        let format = Export.format(for: target.path)
        // the check does not know what a {…} at the very end of the name will give
        let unknownEnd = env.checking && !(written.pieces.last.map { if case .text = $0 { true } else { false } } ?? true)
        guard workbook || format != nil || unknownEnd else {
            throw Diagnostic(.runtime, .exportFormatUnknown(path: target.path), at: target.range, in: source,
                             help: [.helpExportExtensions], topic: "export")
        }
        // nor the sheet name a {…} gives: the run checks both
        let unknownSheet = env.checking && written.sheetPieces.contains { if case .value = $0 { true } else { false } }
        if target.sheet != nil, !unknownEnd, !unknownSheet { try checkSheet(target, workbook: workbook, source) }
        let result = try runQuery(q, source)
        if env.checking { return }  // nothing is written by the check
        if workbook { return try exportWorkbook(result, target, source) }
        var o = options.render
        o.format = format ?? .csv
        o.maxRows = nil
        o.excel = options.render.excel && o.format == .csv
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
            try Export.write(text, to: target.path, overwrite: target.overwrite, dataFolders: env.readFolders, cancel: env.cancel)
        } catch {
            throw Diagnostic(.runtime, error.message, at: target.range, in: source, help: error.help, topic: "export")
        }
        confirm(.exported(n: rows, path: target.path))
        if o.format == .csv, !o.excel, options.interactive, !toldAboutExcel {
            // once a session, at the REPL: Excel reads a CSV without a BOM as the local code page
            toldAboutExcel = true
            sink.err(say(.labelHint) + ": " + say(.hintCSVForExcel(path: (target.path as NSString).lastPathComponent)) + "\n")
        }
    }

    /// The export's file name and sheet name with each `{…}` replaced by its value, as print
    /// does. A value's `/` becomes `-` (`{today}` with date_style vn gives 29-11-2026): it
    /// names a part of a file, never a folder.
    func filledIn(_ target: ExportTarget, _ source: Source) throws(Diagnostic) -> ExportTarget {
        func interpolates(_ pieces: [TextPiece]) -> Bool { pieces.contains { if case .value = $0 { true } else { false } } }
        var t = target
        if interpolates(target.pieces) {
            var path = ""
            for piece in target.pieces {
                switch piece {
                case .text(let s): path += s
                case .value(let e):
                    path += try text(of: e, source).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "\u{0}", with: "")
                }
            }
            t.path = path
        }
        if interpolates(target.sheetPieces) { t.sheet = try interpolate(target.sheetPieces, source) }
        return t
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
