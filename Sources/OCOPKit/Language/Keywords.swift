/// The reserved words of the language, one case each, with their role. The lexer, the parser,
/// completion, help and the grammar tests read this table (a misspelt keyword in the parser
/// does not compile); adding a keyword is one case here and its rule in Grammar/ocop.ebnf.
public enum Keyword: String, CaseIterable, Sendable {
    case `let`
    case `where`, select, sort, order, group, count, limit, offset, distinct, pivot
    case by, `as`, asc, desc
    case and, or, not
    case `in`, `is`, contains, starts, ends, with, between
    case null, `true`, `false`, today
    case day, days, week, weeks, month, months, year, years

    public enum Role: Sendable, Equatable {
        /// `let`: starts a statement.
        case statement
        /// Begins a clause; a line starting with one continues the statement above.
        case clause
        /// Inside a clause: `by`, `as`, `asc`, `desc`.
        case clausePart
        /// `and`, `or`, `not`.
        case logic
        /// After an operand: `in`, `is`, `between`, `contains`, `starts`, `ends`, `with`.
        case predicate
        /// A value: `null`, `true`, `false`, `today`.
        case value
        /// A duration unit after a number.
        case unit
    }

    public var role: Role {
        switch self {
        case .let: return .statement
        case .where, .select, .sort, .order, .limit, .offset, .group, .count, .distinct, .pivot: return .clause
        case .by, .as, .asc, .desc: return .clausePart
        case .and, .or, .not: return .logic
        case .in, .is, .between, .contains, .starts, .ends, .with: return .predicate
        case .null, .true, .false, .today: return .value
        case .day, .days, .week, .weeks, .month, .months, .year, .years: return .unit
        }
    }

    /// Begins a clause (`where`, `sort`, …, `count`).
    public var startsClause: Bool { role == .clause }

    /// Continues the statement above when it starts a line: clause words, and `and`/`or`
    /// (no statement starts with them).
    public var continuesLine: Bool { startsClause || self == .and || self == .or }

    /// A line ending in it awaits the next line: the parser reads on over the line break
    /// (`where`, `and`, `between`, …). After the others (`sort`, `in`, `is`, `as`, `limit`)
    /// what must follow is on the same line.
    public var awaitsNextLine: Bool {
        switch self {
        case .where, .select, .by, .and, .or, .not, .between, .contains, .with: return true
        default: return false
        }
    }

    /// The word that must follow: `sort by`, `group by`, `starts with`.
    public var followedBy: Keyword? {
        switch self {
        case .sort, .order, .group: return .by
        case .starts, .ends: return .with
        default: return nil
        }
    }

    /// The keyword as completion offers it: `sort by`, `starts with`.
    public var phrase: String { followedBy.map { "\(rawValue) \($0.rawValue)" } ?? rawValue }

    /// The unit of a duration keyword (`90 days`).
    public var durationUnit: DurationUnit? {
        switch self {
        case .day, .days: return .days
        case .week, .weeks: return .weeks
        case .month, .months: return .months
        case .year, .years: return .years
        default: return nil
        }
    }

    /// Every keyword's text (the lexer's set).
    public static let words: Set<String> = Set(allCases.map(\.rawValue))

    /// Clause keywords in the order help and completion list them.
    public static let clauses: [Keyword] = allCases.filter(\.startsClause)
}

/// The words of statements that are not reserved: they lex as names (a field may be called
/// `export`, a table `compare`) and the parser reads them where they stand. With Keyword and
/// CommandWord this is the table of the language's words: the parser, completion, help and
/// the grammar tests read it; adding one is a case here, its rule in Grammar/ocop.ebnf and its
/// help entry (LanguageTableTests fails on a word without help in both languages).
public enum StatementWord: String, CaseIterable, Sendable {
    case param, print, assert
    case explain, compare
    case chart, export
    case overwrite, sheet
    case from, to

    public enum Role: Sendable, Equatable {
        /// Starts a script statement; like a command it cannot name a variable.
        case script
        /// Starts a statement when what follows fits: `explain QUERY`, `compare "A" to "B"`.
        case start
        /// Ends a statement that shows rows (matched without regard to case); cannot name a
        /// variable.
        case suffix
        /// After export's file name: `overwrite`, `sheet "NAME"`.
        case exportPart
        /// Inside compare: `from "A"`, `to "B"`.
        case comparePart
    }

    public var role: Role {
        switch self {
        case .param, .print, .assert: return .script
        case .explain, .compare: return .start
        case .chart, .export: return .suffix
        case .overwrite, .sheet: return .exportPart
        case .from, .to: return .comparePart
        }
    }

    /// The words of `role`.
    public static func words(_ role: Role) -> Set<String> { Set(allCases.filter { $0.role == role }.map(\.rawValue)) }

    /// What may start a statement, in the order completion offers them.
    public static let starting: [StatementWord] = allCases.filter { $0.role == .script || $0.role == .start }

    /// The word `t` is, when it is a name spelt as one (a suffix in any case).
    public static func at(_ t: Token) -> StatementWord? {
        guard t.kind == .identifier else { return nil }
        if let w = StatementWord(rawValue: t.text) { return w }
        return StatementWord(rawValue: t.text.lowercased()).flatMap { $0.role == .suffix || $0.role == .exportPart ? $0 : nil }
    }

    /// The topic of help that explains it (export's parts under export, compare's under compare).
    public var topic: String {
        switch role {
        case .exportPart: return StatementWord.export.rawValue
        case .comparePart: return StatementWord.compare.rawValue
        default: return rawValue
        }
    }
}

/// The commands: words that start a command statement (they are reserved as names of
/// variables). The parser and completion read this table.
public enum CommandWord: String, CaseIterable, Sendable {
    case help, tables, describe, quit, exit, clear, set, settings, warnings, tutorial
    /// Inside a tutorial, and only when alone on a line (so they stay usable as names).
    case hint, next, skip

    /// What may follow the command word.
    public enum Argument: Sendable, Equatable {
        case none
        /// `help TOPIC`.
        case topic
        /// `describe TABLE[.FIELD]`.
        case source
        /// `set NAME VALUE` (Language/Settings.swift).
        case setting
        /// `tutorial N | list | off | reset`.
        case lesson
    }

    public var argument: Argument {
        switch self {
        case .help: return .topic
        case .describe: return .source
        case .set: return .setting
        case .tutorial: return .lesson
        default: return .none
        }
    }

    /// A command only when alone on its line.
    public var onlyAlone: Bool { self == .hint || self == .next || self == .skip }

    /// Words that can only start a command (not `hint`, `next`, `skip`).
    public static let reserved: Set<String> = Set(allCases.filter { !$0.onlyAlone }.map(\.rawValue))

    /// What `tutorial` takes besides a lesson number.
    public static let lessonWords = ["list", "off", "reset"]
}
