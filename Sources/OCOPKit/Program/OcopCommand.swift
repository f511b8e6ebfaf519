import ArgumentParser
import BuildInfo
import Foundation

/// The command line: reads arguments, picks REPL / script / one statement, maps results to
/// exit codes (0 ok, 1 query or script error, 2 bad command line or data). Program.run parses
/// it and runs it with the streams and environment it is given.
struct OcopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocop",
        abstract: "Ask questions of Vietnam's OCOP product lists.",
        // Each line starts with spaces: in the manual page (roff) a line that starts with a space
        // begins a new output line, so the usage lines stay one per line under DESCRIPTION.
        discussion: """
          ocop                       REPL on the embedded sample dataset
          ocop --data DIR            REPL on the dataset in DIR
          ocop LIST.xlsx             REPL on one list (.xlsx, .csv, .tsv, .json)
          ocop run FILE              run a script (also: ocop FILE.ocop)
          ocop -e 'STATEMENT'        run one statement and exit
          ocop --data A --compare B  what changed from list A to list B
          Piped standard input runs as a script.
        """,
        version: OcopCommand.versionLine
    )

    /// `ocop 0.1.0 (commit 2365a2f)`: what `ocop --version` prints and BENCHMARKS.md records.
    static var versionLine: String { "ocop \(OCOPVersion.number) (commit \(String(cString: ocop_build_commit())))" }

    @Option(name: .long, help: "Folder with products.csv|json (and producers.csv|json), or one list: .xlsx, .csv, .tsv, .json.")
    var data: String?

    @Option(name: .long, help: "The sheet of an .xlsx list that holds the products (default: the one whose header looks like it).")
    var sheet: String?

    @Flag(name: .long, help: "Refuse a doubtful list (unreadable cells, load warnings): exit 2 instead of running.")
    var strict = false

    @Option(name: .long, help: "Compare the data with the list in this folder: new, removed, upgraded, downgraded, renewed and renamed products, by id.")
    var compare: String?

    @Option(name: .short, help: "Run one statement, print its result, exit.")
    var e: [String] = []

    @Option(name: .long, help: "What 'today' means, YYYY-MM-DD (reproducible reports).")
    var today: String?

    @Option(name: .long, help: "Output format: table, csv, json, markdown.")
    var format: String?

    @Option(name: .long, help: "Set a script parameter: --param province=\"Bắc Giang\".")
    var param: [String] = []

    @Flag(name: .long, help: "CSV for Excel: a UTF-8 byte order mark and CRLF line ends (also for export \"….csv\").")
    var excel = false

    // the settings' options: their names, values, checks and help are the settings table's
    @Option(name: .long, help: ArgumentHelp(Setting.maxRows.optionHelp, valueName: "n|all"))
    var maxRows: String?

    @Option(name: .long, help: ArgumentHelp(Setting.dateStyle.optionHelp))
    var dateStyle: String?

    @Flag(name: .long, help: "Charts with # instead of Unicode blocks.")
    var ascii = false

    @Flag(name: .long, help: "Quiet statements (let, param, export) say what they did (stderr).")
    var verbose = false

    @Flag(name: .long, help: "Print how long each statement took (stderr).")
    var timer = false

    @Option(name: .long, help: "Language of messages, help and the tutorial: vi or en (default: vi when LC_ALL/LANG starts with vi).")
    var lang: String?

    @Flag(name: .long, help: "Run every statement of a script, reporting every error.")
    var keepGoing = false

    @Argument(help: "run FILE, or a script file")
    var words: [String] = []

    /// The settings given as options, with their values (nil: not given).
    var settingOptions: [(Setting, String?)] { [(Setting.maxRows, maxRows), (Setting.dateStyle, dateStyle)] }

    /// `ocop: MESSAGE` and its hint on stderr, in the language asked for (--lang, else the
    /// environment's), and exit 2.
    func fail(_ context: ProgramContext, _ message: Message, hint: Message? = nil) -> Int32 {
        let lang = lang.flatMap { Lang(rawValue: $0.lowercased()) } ?? context.lang
        let d = Diagnostic(.usage, message, help: hint.map { [$0] } ?? [])
        let label = Message.labelError.text(lang) + ": "
        let text = d.rendered(lang: lang)
        _ = context.streams.write(.error, "ocop: " + (text.hasPrefix(label) ? text.dropFirst(label.count) : Substring(text)))
        return 2
    }

    func execute(_ context: ProgramContext, _ sink: StreamSink) -> Int32 {
        // what to run
        var script: String?
        var data = self.data
        if let first = words.first, words.count == 1, data == nil,
           ["xlsx", "csv", "tsv", "json", "xls", "ods"].contains((first as NSString).pathExtension.lowercased()) {
            // `ocop "Danh sách.xlsx"`: a list as the only argument opens the REPL on it
            data = first
        } else if let first = words.first {
            var isDirectory: ObjCBool = false
            if first != "run", words.count == 1,
               first.hasSuffix(".ocop") || (FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory) && !isDirectory.boolValue) {
                // `ocop report.ocop` as `python report.py`; with `#!/usr/bin/env ocop` a script runs by name
                script = first
            } else if first != "run", words.count == 1, isDirectory.boolValue {
                return fail(context, .cliIsFolder(path: first), hint: .helpCliOpenFolder(path: first))
            } else if first != "run" {
                return fail(context, .cliUnknownCommand(word: first), hint: .helpCliCommands)
            } else if words.count != 2 {
                return fail(context, words.count < 2 ? .cliRunNeedsFile : .cliRunOneFile(n: words.count - 1))
            } else {
                script = words[1]
            }
        }
        if script != nil && !e.isEmpty { return fail(context, .cliRunOrE) }
        if compare != nil && (script != nil || !e.isEmpty) {
            return fail(context, .cliCompareAlone, hint: .helpCliCompareInScript)
        }
        // options
        var todayDay = OcopCommand.localToday()
        if let t = today {
            guard let d = Day(parsing: t) else { return fail(context, .cliTodayNotDate(text: t), hint: .helpCliTodayForm) }
            todayDay = d
        }
        var options = SessionOptions(today: todayDay)
        options.timer = timer
        if let f = format {
            guard let of = OutputFormat(rawValue: f) else {
                return fail(context, .cliFormatUnknown(text: f, formats: OutputFormat.allCases.map(\.rawValue)))
            }
            options.render.format = of
        }
        options.render.excel = excel
        options.render.ascii = ascii
        options.verbose = verbose
        if let l = lang {
            guard let chosen = Lang(rawValue: l.lowercased()) else { return fail(context, .cliLangUnknown(text: l)) }
            options.lang = chosen
        } else {
            options.lang = context.lang
        }
        sink.lang = options.lang
        let streams = context.streams, environment = context.environment
        let terminal = streams.isTerminal(.output)
        options.terminal = terminal
        options.stdinTerminal = streams.isTerminal(.input)
        if terminal { options.render.maxRows = Setting.terminalRows }
        for (setting, value) in settingOptions {
            guard let value else { continue }
            if let (message, hint) = setting.apply(option: value, to: &options) { return fail(context, message, hint: hint) }
        }
        options.render.width = OcopCommand.terminalColumns(context) ?? 80
        var params: [(String, String)] = []
        for p in param {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                return fail(context, .cliParamForm(text: p), hint: .helpCliParamExample)
            }
            var name = String(p[..<eq])
            if name.hasPrefix("$") { name.removeFirst() }
            params.append((name, String(p[p.index(after: eq)...])))
        }
        // data
        let loadStart = DispatchTime.now()
        let dataset: Dataset
        if let dir = data {
            do { dataset = try Loader.load(dir, sheet: sheet) } catch {
                sink.err(error.rendered(lang: options.lang))
                return 2
            }
        } else {
            dataset = Loader.sample()
        }
        if timer {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - loadStart.uptimeNanoseconds) / 1e6
            sink.err(Message.timing(what: .timingLoad, ms: ValueFormat.decimal((ms * 10).rounded() / 10)).text(options.lang) + "\n")
        }
        // load problems, once, in one line (the warnings command lists them)
        for line in dataset.layoutSummary(options.lang) { sink.err(line + "\n") }
        if let summary = dataset.warningSummary {
            let place = data ?? Message.dataSample.text(options.lang)
            let line = Message.warningSummaryLine(place: place, summary: summary, hint: .helpListWarnings(n: dataset.warnings.count))
            sink.err(line.text(options.lang) + "\n")
        }
        if strict, dataset.doubts > 0 {
            let d = Diagnostic(.usage, .strictDoubtful(n: dataset.doubts), help: [.helpStrict])
            sink.err(d.rendered(lang: options.lang))
            return 2
        }
        var other: Dataset?
        if let dir = compare {
            do { other = try Loader.load(dir) } catch {
                sink.err(error.rendered(lang: options.lang))
                return 2
            }
            if let summary = other?.warningSummary {
                sink.err(Message.located(place: dir, message: summary).text(options.lang) + "\n")
            }
        }
        let interactive = script == nil && e.isEmpty && options.stdinTerminal && terminal && context.repl != nil
        options.interactive = interactive
        options.render.color = interactive && environment["NO_COLOR"] == nil
        // the settings the user keeps (ConfigFile.swift), on a terminal only: pipes stay reproducible;
        // what the command line gave wins
        if options.terminal || options.interactive, let path = ConfigFile.path(environment: environment) {
            var skip: Set<String> = []
            if lang != nil { skip.insert("lang") }
            for (setting, value) in settingOptions where value != nil { skip.insert(setting.name) }
            for warning in ConfigFile.apply(path, to: &options, skip: skip) {
                sink.err(Message.labelWarning.text(options.lang) + ": " + warning.text(options.lang) + "\n")
            }
        }
        let cancel = CancelToken()
        sink.cancel = cancel
        let session = Session(dataset: dataset, options: options, sink: sink, cancel: cancel)
        for (name, text) in params { session.setParameter(name, text: text) }
        session.terminalWidth = { OcopCommand.terminalColumns(context) }
        session.terminalHeight = { OcopCommand.terminalRows(context) }

        if let other {
            return session.showComparison(to: other).exitCode
        }
        if !e.isEmpty {
            for stmt in e {
                switch session.run(stmt, name: Message.sourceCommandLine.text(options.lang)) {
                case .ok, .quit: continue
                case .failed: return 1
                }
            }
            return 0
        }
        if let path = script {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                return fail(context, .cliScriptUnreadable(path: path), hint: FileManager.default.fileExists(atPath: path) ? .helpCliCheckPermissions : .helpCliNoSuchFile)
            }
            // not UTF-8: an error in the script (exit 1) at its first bad byte
            var text: String
            do { text = try Source.decoding(Array(bytes), name: path).text } catch {
                sink.err(error.rendered(lang: options.lang))
                return 1
            }
            if text.hasPrefix("#!") { text = "#" + text.dropFirst(2) }
            if let problem = unusedParameters(context, session, text, path) { return problem }
            return session.run(text, name: path, keepGoing: keepGoing).exitCode
        }
        if interactive, let repl = context.repl {
            return repl(session, sink)
        }
        let input: [UInt8]
        switch streams.readInput() {
        case .success(let bytes): input = bytes
        case .failure(let e): return fail(context, .verbatim(text: Msg.text("io.stdin", options.lang, Descriptor.reason(e.code, options.lang))))
        }
        let text: String
        do { text = try Source.decoding(input, name: Message.sourceStandardInput.text(options.lang)).text } catch {
            sink.err(error.rendered(lang: options.lang))
            return 1
        }
        if let problem = unusedParameters(context, session, text, Message.scriptStandardInput.text(options.lang)) { return problem }
        return session.run(text, name: Message.sourceStandardInput.text(options.lang), keepGoing: keepGoing).exitCode
    }

    /// A --param the script neither declares nor uses is most likely misspelt: exit 2 before
    /// the script runs with its default instead.
    func unusedParameters(_ context: ProgramContext, _ session: Session, _ text: String, _ script: String) -> Int32? {
        guard let name = session.unusedParameters(in: text).first else { return nil }
        let near = EditDistance.nearest(name, in: session.parameterNames(in: text).sorted())
        return fail(context, .cliParamNotDeclared(name: name, script: script), hint: near.map { .helpCliParamDidYouMean(name: $0) } ?? .helpCliDeclareParam)
    }

    /// Rows of the terminal: $LINES, else the window size of standard output.
    static func terminalRows(_ context: ProgramContext) -> Int? {
        if let c = context.environment["LINES"], let n = Int(c), n > 0 { return n }
        return context.streams.windowSize().flatMap { $0.rows > 0 ? $0.rows : nil }
    }

    /// Columns of the terminal: $COLUMNS, else the window size of standard output; nil when
    /// neither is known.
    static func terminalColumns(_ context: ProgramContext) -> Int? {
        if let c = context.environment["COLUMNS"], let n = Int(c), n > 0 { return n }
        return context.streams.windowSize()?.columns
    }

    static func localToday() -> Day {
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return Day(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday))!
    }
}
