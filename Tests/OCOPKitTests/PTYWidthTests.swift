import Foundation
import Testing
@testable import OCOPKit

/// Every screen of output fits the window: at 60, 80 and 120 columns no line is wider.
@Suite("Output fits the terminal")
final class PTYWidthTests {
    let home = PTYProcess.temporaryFolder()

    deinit { try? FileManager.default.removeItem(at: home) }

    /// What `statement` prints at the REPL in a window `columns` wide, as screen lines.
    func screens(_ statements: [String], columns: UInt16, env: [String: String] = [:], args: [String] = []) throws -> [String: [String]] {
        let p = try PTYProcess.repl(args, home: home, extra: env, columns: columns)
        var out: [String: [String]] = [:]
        for s in statements { out[s] = try p.run(s) }
        #expect(try p.quit() == 0)
        return out
    }

    static let results = ["products where stars >= 4 and province = \"Bắc Kạn\"", "products limit 3", "producers limit 3"]
    /// Prose and errors: help, describe, settings, warnings, the tutorial's first screen, an error.
    static let screensOfText = ["help", "help where", "help stars", "help set", "describe products", "describe producers",
                                "tables", "set", "warnings", "products where nosuch = 1", "products sort by nosuch",
                                "products where province = \"Bắc Kạn\" and x = 1", "tutorial", "tutorial off"]

    @Test("help, describe, settings, errors and the tutorial fit at 60, 80 and 120 columns, in English and Vietnamese",
          arguments: [60, 80, 120], ["en", "vi"])
    func textFits(columns: Int, lang: String) throws {
        let shown = try screens(PTYWidthTests.screensOfText, columns: UInt16(columns),
                                env: ["PAGER": "", "OCOP_TUTORIAL_STATE": home.appendingPathComponent("tutorial-\(lang)-\(columns)").path],
                                args: ["--lang", lang])
        #expect(shown.count == PTYWidthTests.screensOfText.count)
        for (statement, lines) in shown {
            #expect(lines.count > 1, "\(statement) printed something")
            for line in lines { #expect(DisplayWidth.of(line) <= columns, "\(statement) at \(columns) [\(lang)]: \(line)") }
        }
    }

    @Test("the welcome line, help's table of clauses and a help entry read whole at 60 and 80 columns",
          arguments: [60, 80], ["en", "vi"])
    func proseReadsWhole(columns: Int, lang: String) throws {
        let p = try PTYProcess(["--lang", lang], environment: PTYProcess.environment(home: home, extra: ["PAGER": ""]), columns: UInt16(columns))
        // the welcome: within the window, broken between words (the terminal would cut a word at its edge)
        let welcome = PTYProcess.screenLines(try p.expect("ocop> ")).filter { !$0.isEmpty }
        try p.waitForTerminal(canonical: false)
        for line in welcome { #expect(DisplayWidth.of(line) <= columns, "welcome at \(columns) [\(lang)]: \(line)") }
        #expect(welcome.joined(separator: " ").replacingOccurrences(of: "   ", with: " ").contains(lang == "vi" ? "(dữ liệu mẫu). Gõ help" : "(sample). Type help"),
                "\(welcome)")
        // help's clauses: each example whole on a line of its own, under the description
        let help = try p.run("help")
        for example in ["products where stars = 5", "products select name, stars", "products sort by score desc limit 5",
                        "products group by province count", "products where stars >= 4 count"] {
            #expect(help.contains { $0.trimmingCharacters(in: .whitespaces) == example }, "\(example) at \(columns) [\(lang)]:\n\(help.joined(separator: "\n"))")
        }
        // an entry's sentences are filled to the window: no line ends early where the source broke it
        let entry = try p.run("help describe")
        let text = Array(entry.drop { !$0.hasPrefix("describe — ") }.dropFirst().prefix { $0.hasPrefix("  ") })
        #expect(text.count >= 2, "\(entry)")
        for (a, b) in zip(text, text.dropFirst()) {
            let next = b.trimmingCharacters(in: .whitespaces).prefix { $0 != " " }
            #expect(DisplayWidth.of(a) + 1 + DisplayWidth.of(String(next)) > columns, "'\(next)' would fit after: \(a)\n\(text.joined(separator: "\n"))")
        }
        #expect(try p.quit() == 0)
    }

    @Test("describe at 80 columns names what it hides with the command that shows a field whole, and that command works",
          arguments: ["en", "vi"])
    func describeHidden(lang: String) throws {
        let p = try PTYProcess.repl(["--lang", lang], home: home, extra: ["PAGER": ""], columns: 80, rows: 40)
        let lines = try p.run("describe products")
        for line in lines { #expect(DisplayWidth.of(line) <= 80, "\(line)") }
        let text = lines.joined(separator: "\n").replacingOccurrences(of: "\n  ", with: " ")
        let hint = lang == "en" ? "describe products.FIELD shows one field whole." : "describe products.TRƯỜNG cho xem đầy đủ một trường."
        #expect(text.contains("│ … │") && text.contains(hint), "\(text)")
        #expect(!text.contains("select"), "describe takes no select: \(text)")
        let one = try p.run("describe products.province").joined(separator: "\n")
        #expect(one.contains("Bắc Kạn") && one.contains("84") && !one.contains("error"), "\(one)")
        #expect(try p.quit() == 0)
    }

    @Test("an error in a line wider than the window shows a window of it, the caret under the same letters", arguments: [60, 80])
    func errorWindow(columns: Int) throws {
        let statement = "products where stars >= 4 and province = \"Bắc Kạn\" and name ~ \"nghệ\" and score > 50 and price_vnd > 1000 and nosuch = 1"
        let p = try PTYProcess(["-e", statement], environment: PTYProcess.environment(home: home), columns: UInt16(columns))
        #expect(try p.waitForExit() == 1)
        let lines = PTYProcess.screenLines(String(decoding: p.output, as: UTF8.self))
        for line in lines { #expect(DisplayWidth.of(line) <= columns, "\(columns): \(line)") }
        guard let caret = lines.firstIndex(where: { $0.contains("^") && $0.allSatisfy { $0 == " " || $0 == "^" } }), caret > 0 else {
            Issue.record("no caret line in \(lines)")
            return
        }
        let source = lines[caret - 1], marks = lines[caret]
        #expect(source.hasPrefix("  …") && source.hasSuffix("nosuch = 1"), "\(source)")
        let at = marks.prefix { $0 == " " }.count, width = marks.filter { $0 == "^" }.count
        var col = 0
        var under = ""
        for ch in source {
            if col >= at && col < at + width { under.append(ch) }
            col += DisplayWidth.columns(of: ch)
        }
        #expect(under == "nosuch", "caret under \(under):\n\(source)\n\(marks)")
    }

    @Test("results fit at 60, 80 and 120 columns, and the footer names what is hidden", arguments: [60, 80, 120])
    func resultsFit(columns: Int) throws {
        let shown = try screens(PTYWidthTests.results, columns: UInt16(columns), env: ["PAGER": ""])
        for (statement, lines) in shown {
            for line in lines { #expect(DisplayWidth.of(line) <= columns, "\(statement) at \(columns): \(line)") }
        }
        let first = shown[PTYWidthTests.results[0]]!.joined(separator: " ")
        #expect(first.contains("13 columns") && first.contains("not shown:") && first.contains("category"))
        #expect(first.contains("Bắc Kạn") && first.contains("★★★★"), "the named columns stay: \(first)")
    }
}

/// One record at a time: `field: value` lines for one row and with `set display`.
@Suite("Records on a terminal")
final class PTYRecordTests {
    let home = PTYProcess.temporaryFolder()

    deinit { try? FileManager.default.removeItem(at: home) }

    /// `label:` then spaces then `value` somewhere in `text` (the label column's width depends
    /// on the window and on which fields hold something).
    static func shows(_ text: String, _ label: String, _ value: String) -> Bool {
        let e = NSRegularExpression.escapedPattern(for:)
        return text.range(of: "(?m)(^|   )" + e(label) + ": +" + e(value), options: .regularExpression) != nil
    }

    @Test("one product on one screen: its fields, derived fields, producer, certifications in date order; what is hidden is named",
          arguments: [60, 80, 120])
    func oneProduct(columns: Int) throws {
        let p = try PTYProcess.repl(home: home, extra: ["PAGER": ""], columns: UInt16(columns), rows: 50)
        let lines = try p.run("products where id = \"SP0156\"")
        let text = lines.joined(separator: "\n")
        for line in lines { #expect(DisplayWidth.of(line) <= columns, "\(columns): \(line)") }
        #expect(lines.count <= 50, "one screen of 50 rows: \(lines.count) lines")
        for (label, value) in [("id", "SP0156"), ("name", "Miến dong Tài Hoan"), ("status", "active"), ("days_left", "208"),
                               ("new_province", "Thái Nguyên"), ("new_commune", "Xã Côn Minh")] {
            #expect(PTYRecordTests.shows(text, label, value), "\(label): \(value) at \(columns):\n\(text)")
        }
        #expect(text.contains("\n  name:     Hợp tác xã Tài Hoan") && text.contains("── certifications (3)"), "\(text)")
        #expect(text.contains("\nempty: score, price_vnd, certified_year\n"), "the fields that hold nothing, named:\n\(text)")
        // certifications oldest first: 4★ of 2018 (its year only, no day), 30/6/2021, 25/6/2024
        let dates = ["│ ★★★★☆ │", "│ 2021-06-30", "│ 2024-06-25"].compactMap { text.range(of: $0)?.lowerBound }
        #expect(dates.count == 3 && dates == dates.sorted(), "\(text)")
        // columns hidden behind … are named under the table with the query that shows them
        let hidden = columns >= 120 ? [] : columns >= 80 ? ["level", "decision"] : ["level", "decision", "certified_year"]
        let footer = "… is " + hidden.joined(separator: ", ") + "; to see them:"
        #expect(hidden.isEmpty ? !text.contains("│ … │") && !text.contains("to see them") : text.contains("│ … │") && text.contains(footer),
                "\(columns): \(text)")
        if !hidden.isEmpty {
            #expect(text.replacingOccurrences(of: "\n  ", with: " ").contains("to see them: certifications where product_id = \"SP0156\""), "\(text)")
            let shown = try p.run("certifications where product_id = \"SP0156\" select " + hidden.joined(separator: ", ")).joined(separator: "\n")
            #expect(shown.contains("2890/QĐ-BNN-VPĐP") && shown.contains("trung ương"), "the query shows them:\n\(shown)")
        }
        #expect(try p.quit() == 0)
    }

    @Test("one product fits one 80×24 screen with the prompt: every field, its producer, its certifications, and what is hidden",
          arguments: [Lang.en, .vi])
    func oneProductOneScreen(lang: Lang) throws {
        let p = try PTYProcess.repl(["--lang", lang.rawValue], home: home, extra: ["PAGER": ""], columns: 80, rows: 24)
        var lines = try p.run("products where id = \"SP0156\"")
        if lines.last == "" { lines.removeLast() }
        let text = lines.joined(separator: "\n")
        // the typed line above, the prompt below: 22 lines for the card
        #expect(lines.count <= 22, "\(lines.count) lines, and the prompt: \n\(text)")
        for line in lines { #expect(DisplayWidth.of(line) <= 80, "\(line)") }
        let empty = (lang == .en ? "empty: " : "để trống: ") + "score, price_vnd, certified_year"
        #expect(lines.contains(empty), "\(text)")
        for field in ["id", "name", "category", "producer_id", "stars", "certified_on", "expires_on", "province", "district",
                      "commune", "prev_stars", "revoked", "new_province", "new_commune", "status", "days_left"] {
            #expect(lines.contains { $0.hasPrefix(field + ":") || $0.contains("   " + field + ":") }, "\(field) shown:\n\(text)")
        }
        for value in ["Miến dong Tài Hoan", "★★★★★", "Thái Nguyên", "Xã Côn Minh", "active", "208", "Hợp tác xã Tài Hoan", "Hợp tác xã"] {
            #expect(text.contains(value), "\(value):\n\(text)")
        }
        let dates = ["2021-06-30", "2024-06-25"].compactMap { text.range(of: "│ " + $0)?.lowerBound }
        #expect(dates.count == 2 && dates == dates.sorted(), "certifications oldest first:\n\(text)")
        // the table's … column is the last thing explained: level and decision, and the query
        let footer = lang == .en ? "… is level, decision; to see them: certifications where product_id = \"SP0156\""
                                 : "… là level, decision; để xem: certifications where product_id = \"SP0156\""
        #expect(text.contains("│ … │") && lines.last == footer, "\(text)")
        // a product whose certifications leave score, level, decision and the dates empty: those
        // columns go, rather than filling the window with empty cells; nothing is hidden, no footer
        let sparse = try p.run("products where id = \"SP0001\"").joined(separator: "\n")
        #expect(sparse.contains("│ stars │ revoked │") && !sparse.contains("decision") && !sparse.contains("│ … │"), "\(sparse)")
        #expect(try p.quit() == 0)
    }

    @Test("set display vertical, auto and table, typed at the prompt")
    func setDisplay() throws {
        // 40 rows: two products as records (13 fields each) fit without the pager
        let p = try PTYProcess([], environment: PTYProcess.environment(home: home), columns: 60, rows: 40)
        try p.waitForEditing()
        try p.enter("set display vertical")
        var out = try p.enter("producers limit 2", expecting: "2\r\n")
        #expect(out.contains("─[ 1 ]") && out.contains("─[ 2 ]") && out.contains("name:     Công ty TNHH Nhiệt Công nghiệp HTL") && out.contains("2 rows"))
        // auto: records only when the table would not fit
        try p.enter("set display auto")
        out = try p.enter("products limit 2", expecting: "2\r\n")
        #expect(out.contains("─[ 1 ]") && out.contains("price_vnd:") && !out.contains("┌"))
        out = try p.enter("producers select id, kind limit 2", expecting: "2\r\n")
        #expect(out.contains("┌") && !out.contains("─[ 1 ]"))
        try p.enter("set display table")
        out = try p.enter("products limit 2", expecting: "2\r\n")
        #expect(out.contains("┌") && out.contains("not shown:"))
        // chosen, table is a table for one row too (by default one row is a record)
        out = try p.enter("products where id = \"SP0102\"", expecting: "\"SP0102\"\r\n")
        #expect(out.contains("┌") && out.contains("│ SP0102 │") && !out.contains("status:") && out.contains("1 row"), "\(out)")
        try p.enter("set display sideways", expecting: "display is table, vertical or auto")
        #expect(try p.quit() == 0)
    }

    @Test("records are for the terminal: piped output of one row stays a table")
    func pipedOneRow() throws {
        let r = try ReportKit.ocop(["--today", "2026-11-29", "-e", "products where id = \"SP0156\""])
        #expect(r.exit == 0 && r.out.contains("┌") && !r.out.contains("status:"))
    }
}

/// Long output at the REPL goes through the pager (psql's rule), driven by keys.
@Suite("The pager")
final class PTYPagerTests {
    let home = PTYProcess.temporaryFolder()

    deinit { try? FileManager.default.removeItem(at: home) }

    func start(_ env: [String: String]) throws -> PTYProcess {
        try PTYProcess.repl(home: home, extra: env, columns: 80, rows: 24)
    }

    @Test("a result taller than the window opens less -FRSX; space pages on, q goes back to the prompt")
    func lessByKeys() throws {
        let p = try start([:])
        p.send("products\r")
        try p.expect("SP0001")
        try p.waitForTerminal(canonical: false)  // less has the terminal
        let first = try p.expect(":\u{1B}[K")  // less's prompt at the bottom
        #expect(!first.contains("214 rows"), "the first page stops before the end")
        p.send(" ")
        try p.expect("214 rows (40 shown)")
        try p.expect(":\u{1B}[K")
        p.send("q")
        try p.waitForEditing()
        // a short result does not page: it is written straight after the statement
        try p.enter("products count", expecting: "\r\n214\r\n")
        #expect(try p.quit() == 0)
    }

    @Test("-e and run on a terminal page a tall result too; q ends it with exit 0; short results and pipes never page",
          arguments: [["-e", "products"], ["run", "SCRIPT"]])
    func pagedCommandLine(args: [String]) throws {
        let script = home.appendingPathComponent("tall.ocop")
        try "products count\nproducts\n".write(to: script, atomically: false, encoding: .utf8)
        let p = try PTYProcess(args.map { $0 == "SCRIPT" ? script.path : $0 }, environment: PTYProcess.environment(home: home), columns: 80, rows: 24)
        try p.expect("SP0001")
        try p.waitForTerminal(canonical: false)  // less has the terminal
        let first = try p.expect(":\u{1B}[K")
        #expect(!first.contains("214 rows"), "the first page stops before the end")
        p.send("q")
        #expect(try p.waitForExit() == 0)
        // a result that fits is written straight out; a pipe gets every row, no pager
        let short = try PTYProcess(["-e", "products count"], environment: PTYProcess.environment(home: home), columns: 80, rows: 24)
        #expect(try short.waitForExit() == 0)
        #expect(String(decoding: short.output, as: UTF8.self).contains("214") && !String(decoding: short.output, as: UTF8.self).contains(":\u{1B}[K"))
        let piped = try ReportKit.ocop(["-e", "products"])
        #expect(piped.exit == 0 && piped.out.contains("214 rows") && piped.out.contains("SP0214"))
    }

    @Test("no pager with an empty PAGER, with set pager off, or when the pager cannot start", arguments: ["", "off", "/no/such/pager"])
    func noPager(how: String) throws {
        let p = try start(how == "off" ? [:] : ["PAGER": how])
        if how == "off" {
            try p.enter("set pager off")
        }
        try p.enter("products", expecting: "214 rows (40 shown)")
        let text = String(decoding: p.output, as: UTF8.self)
        #expect(text.contains("SP0001") && !text.contains(":\u{1B}[K"))
        #expect(try p.quit() == 0)
    }
}

/// The settings a user keeps in ~/.config/ocop/config (XDG_CONFIG_HOME honoured).
@Suite("The config file")
final class PTYConfigTests {
    let home = PTYProcess.temporaryFolder()

    deinit { try? FileManager.default.removeItem(at: home) }

    @Test("read at start on a terminal: good lines apply, bad ones warn with their line number; set … save writes it")
    func readAndSave() throws {
        let dir = home.appendingPathComponent("xdg/ocop")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("config")
        try "# kept settings\nlang vi\ndisplay = vertical\nnot a setting line here\ntoday 2026-01-01\npager sideways\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": home.appendingPathComponent("xdg").path]
        let p = try PTYProcess([], environment: PTYProcess.environment(home: home, extra: env), columns: 100)
        try p.expect("config:4: ")
        try p.expect("config:5: today")
        try p.expect("config:6: ")
        try p.expect("Gõ help")  // lang vi from the file
        try p.waitForEditing()
        p.send("producers limit 2\r")
        try p.expect("─[ 1 ]")  // display vertical from the file
        try p.waitForEditing()
        try p.enter("set date_style vn save", expecting: "date_style")
        try p.enter("set today 2026-01-01 save", expecting: "today")
        #expect(try p.quit() == 0)
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.hasPrefix("# kept settings\nlang vi\n") && saved.hasSuffix("date_style vn\n"), "\(saved)")
        #expect(!saved.contains("today 2026-01-01\ntoday"), "set today … save is refused, not written")
        let text = String(decoding: p.output, as: UTF8.self)
        #expect(!text.contains("config:2") && !text.contains("config:3"), "good lines give no warning")
        // piped and --lang: the command line and pipes do not read it
        let piped = try ReportKit.ocop(["--today", "2026-11-29", "-e", "products where id = \"SP0156\" select id, certified_on"], environment: env)
        #expect(piped.out.contains("2024-06-25") && piped.err.isEmpty, "\(piped.out)\(piped.err)")
    }
}
