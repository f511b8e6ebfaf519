/// The settings `set NAME VALUE` changes, one entry each: name, the values it takes, its
/// default, help in both languages, and how it reads and changes the session's options.
/// `set` alone lists them with their values; the parser, completion and help read this table.
public struct Setting: Sendable {
    /// The values a setting takes.
    public enum Values: Sendable, Equatable {
        /// One of these words.
        case choice([String])
        /// on or off (also true/false, yes/no, 1/0).
        case onOff
        /// A number of rows, or all.
        case rows
        /// A date: 2026-11-29 or 29/11/2026.
        case date
    }

    public let name: String
    public let values: Values
    /// The value a session starts with unless the command line says otherwise; nil when it
    /// depends on the machine (the date, the locale, whether output is a terminal).
    public let defaultValue: String?
    public let help: FunctionSpec.Help
    /// The current value, as `set` would be given it.
    let current: @Sendable (SessionOptions) -> String
    /// Changes the options; false when `value` is not one this setting takes.
    let apply: @Sendable (inout SessionOptions, String) -> Bool
    /// What a bad value is told, when the setting says more than its values.
    var invalidMessage: Message? = nil

    /// The words completion offers after `set NAME`.
    public var suggestions: [String] {
        switch values {
        case .choice(let words): return words
        case .onOff: return ["on", "off"]
        case .rows: return ["all", "20", "100"]
        case .date: return []
        }
    }

    /// What a bad value is told.
    var invalid: Message { invalid(as: name) }

    /// What a bad value is told, the setting called `spelt` (`--max-rows` on the command line).
    func invalid(as spelt: String) -> Message {
        if let invalidMessage { return invalidMessage }
        switch values {
        case .choice(let words): return .settingChoice(name: spelt, values: words)
        case .onOff: return .settingOnOff(name: spelt)
        case .rows: return .settingRows(name: spelt)
        case .date: return .settingDate(name: spelt)
        }
    }

    // MARK: on the command line

    /// The command-line option that sets it: `--max-rows` for max_rows.
    public var option: String { "--" + name.replacingOccurrences(of: "_", with: "-") }

    /// The option's line of `ocop --help`: what it does and the values it takes.
    public var optionHelp: String {
        let what = help.en.prefix(1).uppercased() + help.en.dropFirst()
        return "\(what) (\(valuesText))" + (defaultValue.map { "; default \($0)" } ?? "") + "."
    }

    /// Sets it from `--option VALUE`: nil when done, else the error and its hint, in the
    /// table's words (the same values and checks as `set`).
    public func apply(option value: String, to options: inout SessionOptions) -> (message: Message, hint: Message)? {
        if apply(&options, value) { return nil }
        let example = "\(option) \(suggestions.first ?? defaultValue ?? "")"
        return (.cliSettingBad(text: value, reason: invalid(as: option)), .helpCliSettingExample(example: example))
    }

    /// `on`/`off` and their synonyms.
    static func onOff(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default: return nil
        }
    }

    static func onOff(_ b: Bool) -> String { b ? "on" : "off" }

    /// A setting that is on or off, kept at `path`.
    static func flag(_ name: String, _ path: WritableKeyPath<SessionOptions, Bool> & Sendable, en: String, vi: String, on: Bool = false) -> Setting {
        Setting(name: name, values: .onOff, defaultValue: onOff(on), help: .init(en: en, vi: vi, examples: ["set \(name) on"]),
                current: { onOff($0[keyPath: path]) },
                apply: { o, v in
                    guard let b = onOff(v) else { return false }
                    o[keyPath: path] = b
                    return true
                })
    }
}

extension Setting {
    /// The setting called `name`, if there is one.
    public static func named(_ name: String) -> Setting? { all.first { $0.name == name } }

    public static var names: [String] { all.map(\.name) }

    /// `format table|csv|json|markdown, max_rows N|all, …` for help.
    static var synopsis: String { all.map { "\($0.name) \($0.valuesText)" }.joined(separator: ", ") }

    /// The values in one word: `on|off`, `N|all`.
    var valuesText: String {
        switch values {
        case .choice(let words): return words.joined(separator: "|")
        case .onOff: return "on|off"
        case .rows: return "N|all"
        case .date: return "YYYY-MM-DD"
        }
    }

    /// The rows a table shows on a terminal when nothing says otherwise.
    public static let terminalRows = 40

    /// `set max_rows`, `--max-rows`.
    public static let maxRows = Setting(
        name: "max_rows", values: .rows, defaultValue: nil,
        help: .init(en: "rows of a table shown on a terminal (first and last halves); \(terminalRows) unless set",
                    vi: "số dòng của bảng hiện trên màn hình (nửa đầu và nửa cuối); \(terminalRows) nếu không đặt",
                    examples: ["set max_rows all"]),
        current: { $0.render.maxRows.map(String.init) ?? "all" },
        apply: { o, v in
            if v == "all" || v == "0" { o.render.maxRows = nil; return true }
            guard let n = Int(v), n > 0 else { return false }
            o.render.maxRows = n
            return true
        })

    /// `set date_style`, `--date-style`.
    public static let dateStyle = Setting(
        name: "date_style", values: .choice([DateStyle.iso, .vn].map(\.rawValue)), defaultValue: DateStyle.iso.rawValue,
        help: .init(en: "dates as 2026-11-29 (iso) or 29/11/2026 (vn)", vi: "ngày dạng 2026-11-29 (iso) hoặc 29/11/2026 (vn)",
                    examples: ["set date_style vn"]),
        current: { $0.render.dateStyle.rawValue },
        apply: { o, v in
            guard let d = DateStyle(rawValue: v) else { return false }
            o.render.dateStyle = d
            return true
        })

    /// The table.
    public static let all: [Setting] = [
        Setting(name: "format", values: .choice(OutputFormat.allCases.map(\.rawValue)), defaultValue: OutputFormat.table.rawValue,
                help: .init(en: "how results are shown", vi: "cách hiện kết quả", examples: ["set format csv"]),
                current: { $0.render.format.rawValue },
                apply: { o, v in
                    guard let f = OutputFormat(rawValue: v) else { return false }
                    o.render.format = f
                    return true
                }),
        maxRows,
        dateStyle,
        Setting(name: "today", values: .date, defaultValue: nil,
                help: .init(en: "the date status, days_left and today are computed for",
                            vi: "ngày dùng để tính status, days_left và today", examples: ["set today 2026-11-29"]),
                current: { $0.today.iso },
                apply: { o, v in
                    guard let d = Day(parsing: v) else { return false }
                    o.today = d
                    return true
                }),
        Setting(name: "lang", values: .choice(Lang.allCases.map(\.rawValue).reversed()), defaultValue: nil,
                help: .init(en: "the language of messages, help and the tutorial", vi: "ngôn ngữ của thông báo, trợ giúp và bài học",
                            examples: ["set lang vi"]),
                current: { $0.lang.rawValue },
                apply: { o, v in
                    guard let l = Lang(rawValue: v.lowercased()) else { return false }
                    o.lang = l
                    return true
                }),
        Setting(name: "display", values: .choice(DisplayMode.allCases.map(\.rawValue)), defaultValue: DisplayMode.table.rawValue,
                help: .init(en: "on a terminal: tables, records of field: value lines, or records when a table would not fit (by default one row is a record; set display table shows it as a table)",
                            vi: "trên màn hình: bảng, từng bản ghi dạng trường: giá trị, hoặc bản ghi khi bảng không vừa (mặc định một dòng là một bản ghi; set display table cho hiện thành bảng)",
                            examples: ["set display vertical"]),
                current: { $0.render.display.rawValue },
                apply: { o, v in
                    guard let d = DisplayMode(rawValue: v.lowercased()) else { return false }
                    o.render.display = d
                    o.render.displayChosen = true
                    return true
                }, invalidMessage: .settingDisplay),
        flag("pager", \.pager, en: "at the REPL, output taller than the window goes through $PAGER (default less -FRSX)",
             vi: "ở REPL, kết quả dài hơn màn hình đi qua $PAGER (mặc định less -FRSX)", on: true),
        flag("timer", \.timer, en: "print how long each statement took", vi: "in thời gian chạy mỗi câu lệnh"),
        flag("verbose", \.verbose, en: "quiet statements (let, param, export) say what they did",
             vi: "các câu lệnh im lặng (let, param, export) cho biết đã làm gì"),
        flag("excel", \.render.excel, en: "CSV for Excel: a byte order mark and CRLF line ends",
             vi: "CSV cho Excel: dấu thứ tự byte và xuống dòng CRLF"),
        flag("ascii", \.render.ascii, en: "charts drawn with # instead of blocks", vi: "biểu đồ vẽ bằng # thay cho khối"),
    ]
}
