/// A query as the executor runs it: its clauses in order, each with what the planner decided
/// for it. The planner decides from the clauses alone (`plan(_:)`); the check (Session+Check.swift)
/// runs the plan over the tables' schema with no rows and records, for each step, what it
/// keeps and which fast path a filter takes, and the run executes that same value (Session's
/// `runQuery`). `explain` prints a checked plan (Plan+Explain.swift); `explain analyze` runs
/// it first, so each step also tells how many rows it kept.
struct Plan {
    struct Step {
        let clause: Clause
        /// A sort that keeps only its best `topK` rows: a `limit n offset m` follows (k = n + m)
        /// with only clauses between that neither reorder nor drop rows (a select without
        /// aggregates), so `sort by name select id, name limit 5` is as cheap as
        /// `sort by name limit 5`.
        var topK: Int?
        /// Set by the check for `where`: how the condition is run.
        var filter: FilterPath?
        /// Set by the check: what the step's result holds.
        var keeps: Shape?
        /// Set when the plan runs on the data (`explain analyze`): how many rows or groups
        /// the step's result holds.
        var rows: Count?
    }

    /// Rows or groups a step's result holds, once the plan has run.
    enum Count: Equatable {
        case rows(Int)
        case groups(Int)
    }

    let query: Query
    var steps: [Step]
    /// Set by the check: the source's fields (nil for a table: all of its fields).
    var from: Shape?
    /// Set by the check when the source is a table: its rows and fields.
    var tableRows: Int?
    var tableFields: Int?
    /// Set when the plan runs on the data: the rows of its source.
    var sourceRows: Int?
}

/// What a step gives: rows with the fields before it, rows with new fields, groups, or one value.
enum Shape: Equatable {
    struct Field: Equatable {
        let name: String
        let type: DataType
    }
    case sameFields
    case fields([Field])
    case groups(keys: [Field])
    case value(label: String, type: DataType)
}

/// How a `where` condition runs (ExprCompiler+Filter.swift).
indirect enum FilterPath: Equatable {
    /// One loop over a number or date column's array against a constant.
    case columnLoop(String)
    /// A yes/no table over a text column's distinct values, then one loop over its codes.
    case valueTable(String)
    /// The condition evaluated row by row.
    case rowByRow
    /// `and`: each part narrows the rows the next one reads.
    case and([FilterPath])
}

extension Executor {
    /// The plan of `q`: top-k where a limit follows a sort through clauses that keep rows as
    /// they are.
    func plan(_ q: Query) -> Plan {
        var steps = q.clauses.map { Plan.Step(clause: $0) }
        for i in steps.indices {
            guard case .sort = steps[i].clause.kind else { continue }
            var j = i + 1
            while j < steps.count, case .select(let items) = steps[j].clause.kind,
                  !items.contains(where: { containsAggregate($0.expr) }) {
                j += 1
            }
            // limit 9223372036854775806 offset 5 must not trap: no top-k then
            guard j < steps.count, case .limit(let n, let offset) = steps[j].clause.kind, n != Int.max else { continue }
            let (k, overflow) = n.addingReportingOverflow(offset)
            if !overflow { steps[i].topK = k }
        }
        return Plan(query: q, steps: steps)
    }

    /// `q` checked against the schema: run with no rows (the environment must be a checking
    /// one), each step recording what it keeps.
    func check(_ q: Query) throws(Diagnostic) -> Plan {
        var p = plan(q)
        _ = try execute(&p)
        return p
    }
}
