import Foundation

/// Settings of a session that the command line or `set` changes.
public struct SessionOptions: Sendable {
    public var today: Day
    public var render = RenderOptions()
    /// Print each statement's time to stderr.
    public var timer = false
    /// A terminal is attached (interactive): colour allowed, long tables cut.
    public var interactive = false
    /// Standard output is a terminal (also for `-e` and `run`): tables longer than
    /// `render.maxRows` are cut to their first and last rows. Piped output never is.
    public var terminal = false
    /// Quiet statements (let, param, export) say what they did, on stderr. The REPL always does.
    public var verbose = false
    /// The language of messages, help and the tutorial (`--lang`, `set lang`).
    public var lang: Lang = .en
    /// On a terminal, output taller than the window goes through a pager (`set pager off`).
    public var pager = true
    /// Standard input is a terminal too: the pager is used only then (psql's rule), so
    /// `-e` and `run` page at a terminal, never `… | ocop` or `ocop > file`.
    public var stdinTerminal = false
    public init(today: Day) { self.today = today }
}

/// The one facade over the phases: source → tokens → syntax tree → plan → result.
/// The REPL, the script runner and the tests all call `run`.
public final class Session {
    public let env: Environment
    public var options: SessionOptions {
        didSet { env.lang = options.lang }
    }
    let sink: OutputSink
    /// Parameters whose value came from a `param` default (a command-line value is never
    /// replaced by a default; a default may be redeclared).
    var defaulted: Set<String> = []
    /// Command-line parameter values as typed, before they were read as literals.
    var parameterTexts: [String: String] = [:]
    /// The byte order mark went out before the first --excel CSV on standard output.
    var wroteBOM = false
    /// The REPL said once how to make a CSV that Excel reads correctly (Session+Script.swift).
    var toldAboutExcel = false
    /// Columns of the terminal, asked before each chart (the CLI sets it; nil keeps render.width).
    public var terminalWidth: (() -> Int?)?
    /// The config file `set … save` writes (ConfigFile.swift); nil: none.
    public var configPath: String? = ConfigFile.path()
    /// Rows of the terminal (the CLI sets it; nil: never page).
    public var terminalHeight: (() -> Int?)?
    /// Where the tutorial keeps its progress (OCOP_TUTORIAL_STATE, else a file under $HOME).
    public var tutorialStatePath: String? = TutorialStore.defaultPath()
    /// The lesson in progress, while a tutorial runs (Tutorial/).
    var tutorial: TutorialRun?
    /// Workbooks that `export … sheet` statements are filling, by resolved path, in the order
    /// first met: written when the run ends (Session+Workbook.swift).
    var workbooks: [(key: String, book: PendingWorkbook)] = []
    /// The plan the check made for the statement about to run, handed to `runQuery`: the
    /// plan that was checked is the value that runs.
    var checkedPlan: Plan?
    /// The plan of the last query a statement ran, as it ran (in the check: as the check left
    /// it, which the run then executes).
    var lastPlan: Plan?

    /// How a run ended.
    public enum Outcome: Equatable, Sendable {
        case ok
        /// A statement failed; the diagnostics were written to the sink.
        case failed(Diagnostic.Kind)
        /// `quit` or `exit`.
        case quit
    }

    public convenience init(dataset: Dataset, options: SessionOptions, sink: OutputSink, cancel: CancelToken = CancelToken()) {
        self.init(env: Environment(dataset: dataset, today: options.today, cancel: cancel), options: options, sink: sink)
    }

    init(env: Environment, options: SessionOptions, sink: OutputSink) {
        self.env = env
        self.options = options
        env.lang = options.lang
        self.sink = sink
    }

    public var dataset: Dataset { env.dataset }

    /// Runs every statement of `text`, writing results and diagnostics.
    ///
    /// Nothing runs when the text has a syntax error, a `param` without a default has no
    /// value (a usage error: exit 2), or a statement fails the check (Session+Check.swift):
    /// a type error on line 2 is reported before line 1 prints. With `keepGoing` every parse
    /// and check error of the text is reported first, then every statement without one runs
    /// and each runtime error is reported; a usage error still stops the run.
    @discardableResult
    public func run(_ text: String, name: String = "<input>", firstLine: Int = 1, keepGoing: Bool = false) -> Outcome {
        // Ctrl-C cancels the whole run, also when it comes between two statements or before the
        // first has started; the flag is cleared when the run ends, so the next run starts afresh
        defer { env.cancel.reset() }
        workbooks = []
        let (outcome, complete) = runStatements(text, name: name, firstLine: firstLine, keepGoing: keepGoing)
        return finishWorkbooks(outcome, complete: complete)
    }

    /// The statements of `run`; `complete` is false when the run stopped before its end.
    private func runStatements(_ text: String, name: String, firstLine: Int, keepGoing: Bool) -> (Outcome, complete: Bool) {
        let source = Source(name: name, text: text, firstLine: firstLine)
        let items = Parser.parseEach(source)
        if !keepGoing, let first = items.lazy.compactMap({ if case .failure(let e) = $0 { return e } else { return nil } }).first {
            report(first)
            return (.failed(first.kind), false)
        }
        let statements = items.map { try? $0.get() }
        if let missing = missingParameter(statements.compactMap { $0 }, source) {
            report(missing)
            return (.failed(missing.kind), false)
        }
        let checked = check(statements, source)
        var outcome = Outcome.ok
        for (i, item) in items.enumerated() {
            let d: Diagnostic
            if case .failure(let e) = item { d = e } else if let e = checked.errors[i] { d = e } else { continue }
            report(d)
            outcome = .failed(d.kind)
            if !keepGoing || d.kind == .usage || env.cancel.isCancelled { return (outcome, false) }
        }
        // a note is said once per run: a report that asks about $province ten times gets one
        var noted = Set<String>()
        for (i, item) in items.enumerated() {
            guard case .success(let s) = item, checked.runs(i) else { continue }
            env.notes = []
            let start = DispatchTime.now()
            checkedPlan = checked.plans[i]
            defer { checkedPlan = nil }
            do {
                if try execute(s, source) == .quit { return (.quit, true) }
                for note in env.notes.map(say) where noted.insert(note).inserted { sink.err(note + "\n") }
            } catch {
                report(error)
                outcome = .failed(error.kind)
                if !keepGoing || error.kind == .usage || env.cancel.isCancelled { return (outcome, false) }
            }
            if options.timer {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                sink.err(say(.timing(what: .timingStatement, ms: ValueFormat.decimal((ms * 10).rounded() / 10))) + "\n")
            }
        }
        return (outcome, true)
    }

    /// A diagnostic as the user reads it: in the session's language, with its help topic.
    func report(_ d: Diagnostic) {
        var d = d
        if d.topic == nil, !d.noTopic { d.topic = Help.topic(for: d, tables: dataset.tableOrder) }
        var text = DiagnosticRenderer(lang: options.lang, color: options.render.color).render(d)
        // on a terminal an error fits the window: its source line becomes a window round the
        // caret; fitted as plain text, then coloured again as the renderer colours it
        if let width = screenWidth {
            let plainRenderer = DiagnosticRenderer(lang: options.lang, color: false)
            let plain = options.render.color ? plainRenderer.render(d) : text
            let fitted = ScreenFit.fit(plain, width: width)
            if fitted != plain {
                text = options.render.color ? DiagnosticRenderer(lang: options.lang, color: true).colored(fitted) : fitted
            }
        }
        sink.err(text)
    }

    /// A message in the session's language.
    func say(_ m: Message) -> String { m.text(options.lang) }

    /// True when `text` is a whole statement (no open quote or bracket, no trailing operator):
    /// the REPL asks before running, and shows a continuation prompt otherwise.
    public func isComplete(_ text: String) -> Bool {
        !Parser.awaitsMore(Source(name: "<repl>", text: text))
    }

    // MARK: statements

    func execute(_ s: Statement, _ source: Source) throws(Diagnostic) -> Outcome {
        let exec = Executor(env: env, source: source)
        switch s.kind {
        case .query(let q):
            let result = try runQuery(q, source)
            if env.checking { return .ok }
            show(result, naming: Session.namesIn(q, source))
            if tutorial != nil { checkTutorialAnswer(result, exported: false) }
        case .explain(let q, let analyze):
            // the plan is checked (no rows) whatever the session; `explain analyze` then runs
            // that plan on the data, each step counting the rows it keeps, and shows no rows
            var plan = try Executor(env: env.checking ? env : env.forChecking(), source: source).check(q)
            if env.checking { return .ok }
            if analyze {
                _ = try Executor(env: env, source: source).execute(&plan)
                env.notes = []
            }
            sink.out(plan.explained(source, options.lang))
        case .let(let name, let q):
            if env.dataset.tables[name.text] != nil {
                throw Diagnostic(.name, .letIsTable(name: name.text), at: name.range, in: source, topic: "let")
            }
            switch try runQuery(q, source) {
            case .rows(let f):
                env.variables[name.text] = f
                confirm(.letConfirm(name: name.text, n: f.count))
            case .scalar:
                throw Diagnostic(.type, .letScalar(name: name.text), at: q.range, in: source,
                                 help: [.helpDropFinalCount(name: name.text, query: q.source.text)], topic: "let")
            }
        case .command(let c):
            // commands are not checked: they name no fields (help and describe check their word)
            if env.checking { return .ok }
            return try command(c, s, source)
        case .chart(let q):
            try chart(q, s, source)
        case .export(let q, let target):
            try export(q, target, source)
            if tutorial != nil && !env.checking { checkTutorialAnswer(try exec.run(q), exported: true) }
        case .param(let name, let value):
            try param(name, value, source)
        case .print(let pieces):
            // the notes of its queries ("did you mean "Bắc Kạn""), after the line
            sink.out(try interpolate(pieces, source) + "\n")
        case .assert(let condition, let message):
            // a failed assert carries the notes of its queries; one that holds needs none
            defer { env.notes = [] }
            try assert(condition, message, s, source)
        }
        return .ok
    }

    /// How results look on standard output: long tables are cut only on a terminal.
    var displayOptions: RenderOptions {
        var o = options.render
        if !(options.interactive || options.terminal) { o.maxRows = nil }
        // on a terminal a table fits the window; pipes and files get every column whole
        if options.interactive || options.terminal { o.fitWidth = terminalWidth?() ?? o.width }
        o.lang = options.lang
        o.moreHint = say(options.interactive ? .moreRowsREPL : .moreRowsCommandLine)
        return o
    }

    /// The words of a query that may name result columns (`stars`, `province`), so a fitted
    /// table keeps them.
    static func namesIn(_ q: Query, _ source: Source) -> Set<String> {
        let text = Source(name: source.name, text: source.slice(q.range))
        return Set(Lexer.tokensRecovering(of: text).0.filter { $0.kind == .identifier }.map(\.text))
    }

    func show(_ r: Executor.Result, naming named: Set<String> = []) {
        var o = displayOptions
        o.named = named
        var text: String
        switch r {
        case .rows(let f):
            // on a terminal one row is a record (a row of a table shown with what it leads to),
            // unless the user chose `set display table`
            if o.format == .table, o.fitWidth != nil, f.count == 1, o.display == .table, !o.displayChosen { o.display = .vertical }
            if o.format == .table, o.display == .vertical, let card = recordCard(f, o) { text = card }
            else { text = Renderer.render(ResultTable(f), o) }
        case .scalar(let v, let label): text = Renderer.scalar(v, label: label, o)
        }
        if o.format == .csv && o.excel && !wroteBOM {
            text = Renderer.bom + text
            wroteBOM = true
        }
        emit(text)
    }

    /// Columns of the terminal output goes to; nil when it is not a terminal.
    var screenWidth: Int? {
        options.interactive || options.terminal ? (terminalWidth?() ?? options.render.width) : nil
    }

    /// Writes what a person reads at the terminal: on a terminal each line fits the window
    /// (prose wraps; tables were already fitted), and output taller than the window goes
    /// through the pager (at the REPL, and for `-e` and `run` when standard input and output
    /// are both terminals), unless `set pager off` or there is none.
    func emit(_ text: String) {
        guard let width = screenWidth else { return sink.out(text) }
        let fitted = ScreenFit.fit(text, width: width)
        let keys = options.interactive || (options.terminal && options.stdinTerminal)
        if keys, options.pager, let rows = terminalHeight?(), rows > 1,
           fitted.utf8.lazy.filter({ $0 == 10 }).count >= rows - 1, sink.page(fitted) { return }
        sink.out(fitted)
    }

    /// The first line of the REPL: `ocop 0.1.0 — 214 products, 138 producers (sample). Type help.`
    /// The welcome line, written as other prose is: fitted to the window (at 80 columns the
    /// Vietnamese one is two lines broken between words, not a word cut at the edge).
    public func greet() { emit(welcome() + "\n") }

    public func welcome() -> String {
        let lang = options.lang
        let what = dataset.folder.map { Msg.text("welcome.from", lang, $0) } ?? Msg.text("welcome.sample", lang)
        return Msg.text("welcome", lang, dataset.summary(lang), what, OCOPVersion.number)
    }
}
