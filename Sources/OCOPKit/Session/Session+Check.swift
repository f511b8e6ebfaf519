/// The check phase: after the data is loaded and before the first statement runs, the whole
/// script is checked and planned (jlox's resolver, gojq's compiler). Each statement runs in a
/// checking session: the same tables, parameters and `let` variables, but no rows, and no
/// output kept. So every name, type and clause order is tried against the schema exactly as
/// the real run will try it (one compiler, not a second copy of its rules), `let` gives its
/// variable the fields its query makes, a `param` default gives its type, and nothing is
/// printed, exported or asserted.
extension Session {
    /// A session for checking: the environment with no rows, output thrown away.
    convenience init(checking other: Session) {
        self.init(env: other.env.forChecking(), options: other.options, sink: StringSink())
        defaulted = other.defaulted
        parameterTexts = other.parameterTexts
    }

    /// What the check found in a script's statements, by index.
    struct CheckResult {
        var errors: [Int: Diagnostic] = [:]
        /// Statements that use a `let` whose own check failed: not reported again, not run.
        var dependent: Set<Int> = []
        /// The checked plan of each statement that runs a query: the value the run executes.
        var plans: [Int: Plan] = [:]

        func runs(_ i: Int) -> Bool { errors[i] == nil && !dependent.contains(i) }
    }

    /// Checks `statements` (nil where parsing failed) in order, as a run would.
    func check(_ statements: [Statement?], _ source: Source) -> CheckResult {
        let checker = Session(checking: self)
        var result = CheckResult()
        for (i, statement) in statements.enumerated() {
            guard let s = statement else { continue }
            checker.lastPlan = nil
            do {
                _ = try checker.execute(s, source)
                if let p = checker.lastPlan { result.plans[i] = p }
            } catch {
                if case .let(let name, _) = s.kind { checker.env.poisoned.insert(name.text) }
                if let q = s.query, checker.env.poisoned.contains(q.source.text) {
                    result.dependent.insert(i)
                    continue
                }
                result.errors[i] = error
                if error.kind == .usage || env.cancel.isCancelled { break }
            }
        }
        return result
    }
}

extension Statement {
    /// The query a statement runs, if it runs one.
    var query: Query? {
        switch kind {
        case .query(let q), .let(_, let q), .chart(let q), .export(let q, _), .explain(let q, _): return q
        default: return nil
        }
    }
}

extension Session {
    /// Runs a statement's query: from the plan the check made for it when there is one (the
    /// same value, with what the check recorded), else from a plan made now. The plan as it
    /// ran is kept (`lastPlan`): the check's is what the run executes.
    func runQuery(_ q: Query, _ source: Source) throws(Diagnostic) -> Executor.Result {
        let exec = Executor(env: env, source: source)
        var plan: Plan
        if let p = checkedPlan, p.query == q { plan = p } else { plan = exec.plan(q) }
        checkedPlan = nil
        let result = try exec.execute(&plan)
        lastPlan = plan
        return result
    }
}
