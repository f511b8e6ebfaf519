/// What a statement runs against: the dataset, `today`, parameters, variables, cancellation.
public final class Environment {
    public let dataset: Dataset
    public var today: Day
    /// The session's language, for the words a result's cells hold (compare's `unrated`).
    public var lang: Lang = .en
    public var parameters: [String: Value] = [:]
    /// `let` results by name.
    var variables: [String: Frame] = [:]
    public let cancel: CancelToken
    /// Notes beside the current statement's result ("did you mean …"), printed after it.
    var notes: [Message] = []
    /// Every folder this session read data from (the dataset's, then each `compare` folder),
    /// as given: an export is refused inside any of them.
    var readFolders: [String]
    /// True in the environment of the check (Session+Check.swift): every table has no rows, so
    /// running a statement compiles and types it without touching the data.
    let checking: Bool
    /// In the check, parameters whose default is known only when the script runs (a
    /// query's count): their type.
    var opaqueParameters: [String: DataType] = [:]
    /// In the check, `let` names whose query failed: statements that use them are not
    /// reported again.
    var poisoned: Set<String> = []

    public init(dataset: Dataset, today: Day, cancel: CancelToken = CancelToken()) {
        self.dataset = dataset
        self.today = today
        self.cancel = cancel
        self.readFolders = dataset.folder.map { [$0] } ?? []
        self.checking = false
    }

    private init(checking env: Environment) {
        dataset = env.dataset
        today = env.today
        lang = env.lang
        cancel = env.cancel
        parameters = env.parameters
        checking = true
        readFolders = env.readFolders
        // a variable of an earlier run keeps its fields, without its rows
        variables = env.variables.mapValues { Frame(table: $0.table, rows: []) }
    }

    /// The environment a check runs in: the same tables, parameters and variables, no rows.
    func forChecking() -> Environment { Environment(checking: self) }

    /// Throws `cancelled` when Ctrl-C was pressed; call every few thousand rows.
    @inline(__always)
    func checkCancel() throws(Diagnostic) {
        if cancel.isCancelled { throw Diagnostic(.runtime, .cancelled) }
    }

    /// Names a statement may start with: tables, then variables.
    var sourceNames: [String] { dataset.tableOrder + variables.keys.sorted() }
}

/// Rows of a table: all of them in order, or a selection of row indices.
public final class Frame {
    public let table: Table
    /// Row indices into `table`; nil means every row in file order.
    public let rows: [Int32]?

    init(table: Table, rows: [Int32]? = nil) {
        self.table = table
        self.rows = rows
    }

    public var count: Int { rows?.count ?? table.rowCount }

    @inline(__always)
    func row(_ i: Int) -> Int {
        if let rows { return Int(rows[i]) }
        return i
    }

    /// The selection as an explicit list.
    var rowList: [Int32] { rows ?? (0..<Int32(table.rowCount)).map { $0 } }
}
