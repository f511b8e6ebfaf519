import Foundation

/// Settings of a session that the command line or `set` changes.
public struct SessionOptions: Sendable {
    public var today: Day
    public var render = RenderOptions()
    /// Print each statement's time to stderr.
    public var timer = false
    /// A terminal is attached (interactive): colour allowed, long tables cut.
    public var interactive = false
    public init(today: Day) { self.today = today }
}

/// The one facade over the phases: source → tokens → syntax tree → plan → result.
/// The REPL, the script runner and the tests all call `run`.
public final class Session {
    public let env: Environment
    public var options: SessionOptions
    let sink: OutputSink

    /// How a run ended.
    public enum Outcome: Equatable, Sendable {
        case ok
        /// A statement failed; the diagnostics were written to the sink.
        case failed(Diagnostic.Kind)
        /// `quit` or `exit`.
        case quit
    }

    public init(dataset: Dataset, options: SessionOptions, sink: OutputSink, cancel: CancelToken = CancelToken()) {
        self.env = Environment(dataset: dataset, today: options.today, cancel: cancel)
        self.options = options
        self.sink = sink
    }

    public var dataset: Dataset { env.dataset }

    /// Runs every statement of `text`, writing results and diagnostics. Stops at the first
    /// error unless `keepGoing`.
    @discardableResult
    public func run(_ text: String, name: String = "<input>", firstLine: Int = 1, keepGoing: Bool = false) -> Outcome {
        let source = Source(name: name, text: text, firstLine: firstLine)
        let statements: [Statement]
        do {
            statements = try Parser.parse(source)
        } catch {
            report(error)
            return .failed(error.kind)
        }
        var outcome = Outcome.ok
        for s in statements {
            env.cancel.reset()
            env.notes = []
            let start = DispatchTime.now()
            do {
                if try execute(s, source) == .quit { return .quit }
                for note in env.notes { sink.err(note + "\n") }
            } catch {
                report(error)
                outcome = .failed(error.kind)
                if !keepGoing { return outcome }
            }
            if options.timer {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                sink.err("time: \(ValueFormat.decimal((ms * 10).rounded() / 10)) ms\n")
            }
        }
        return outcome
    }

    func report(_ d: Diagnostic) {
        sink.err(d.rendered(color: options.render.color))
    }

    /// True when `text` is a whole statement (no open quote or bracket, no trailing operator):
    /// the REPL asks before running, and shows a continuation prompt otherwise.
    public func isComplete(_ text: String) -> Bool {
        let source = Source(name: "<repl>", text: text)
        do {
            _ = try Parser.parse(source)
            return true
        } catch {
            // an error at the very end of the input means "more to come"
            guard let r = error.range else { return true }
            var trimmedEnd = source.bytes.count
            while trimmedEnd > 0, [32, 10, 9, 13].contains(source.bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
            if error.message.hasPrefix("unterminated text") { return false }
            return r.start < trimmedEnd
        }
    }

    // MARK: statements

    func execute(_ s: Statement, _ source: Source) throws(Diagnostic) -> Outcome {
        let exec = Executor(env: env, source: source)
        switch s.kind {
        case .query(let q):
            show(try exec.run(q))
        case .let(let name, let q):
            if env.dataset.tables[name.text] != nil {
                throw Diagnostic(.name, "'\(name.text)' is a table; choose another name", at: name.range, in: source)
            }
            switch try exec.run(q) {
            case .rows(let f): env.variables[name.text] = f
            case .scalar:
                throw Diagnostic(.type, "let names rows; '\(name.text)' would be one number", at: q.range, in: source,
                                 hints: ["drop the final count: let \(name.text) = \(q.source.text) …"])
            }
        case .command(let c):
            return try command(c, s, source)
        }
        return .ok
    }

    func show(_ r: Executor.Result) {
        var o = options.render
        if !options.interactive { o.maxRows = nil }
        switch r {
        case .rows(let f): sink.out(Renderer.render(ResultTable(f), o))
        case .scalar(let v, let label): sink.out(Renderer.scalar(v, label: label, o))
        }
    }

    public func welcome() -> String {
        let what = dataset.folder.map { "from \($0)" } ?? "(sample)"
        return "ocop — \(dataset.summary) \(what). Type help."
    }
}
