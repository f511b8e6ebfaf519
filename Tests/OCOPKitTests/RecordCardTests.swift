import Foundation
import Testing
@testable import OCOPKit

/// The record card of one product (`products where id = "…"` on a terminal), for every product
/// of the sample: it fits one 80×24 screen with the prompt, and whatever it leaves out it names.
@Suite("Record cards")
struct RecordCardTests {
    /// What the REPL prints for `statement` on a terminal `columns` wide, as lines.
    func card(_ statement: String, columns: Int, lang: Lang = .en) -> [String] {
        let (s, sink) = ReportKit.session { $0.terminal = true; $0.lang = lang; $0.pager = false }
        s.terminalWidth = { columns }
        s.run(statement)
        #expect(sink.errors == "", "\(statement): \(sink.errors)")
        var lines = sink.output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test("every product's card fits 80×24 with the prompt, and a card that hides columns says which and how to see them",
          arguments: [Lang.en, .vi])
    func everyProductFits(lang: Lang) throws {
        let ids = ReportKit.run("products select id") { $0.render.format = .csv }.out.split(separator: "\n").dropFirst().map(String.init)
        #expect(ids.count == 214)
        var hiding = 0
        for id in ids {
            let lines = card("products where id = \"\(id)\"", columns: 80, lang: lang)
            // the line of the statement typed, the card, the next prompt
            #expect(lines.count <= 22, "\(id): \(lines.count) lines\n\(lines.joined(separator: "\n"))")
            for line in lines { #expect(DisplayWidth.of(line) <= 80, "\(id): \(line)") }
            guard let header = lines.firstIndex(where: { $0.contains("│ … │") }) else { continue }
            hiding += 1
            // the footer under the table names the hidden columns and gives the query that shows them
            let footer = try #require(lines.last)
            let query = "certifications where product_id = \"\(id)\""
            #expect(footer.hasPrefix(lang == .en ? "… is " : "… là ") && footer.hasSuffix(query), "\(id): \(footer)")
            let named = footer.dropFirst(5).prefix { $0 != ";" }.components(separatedBy: ", ")
            let whole = card(query, columns: 200)
            let shownColumns = lines[header].split(separator: "│").map { String($0).trimmingCharacters(in: .whitespaces) }
            for name in named {
                #expect(!shownColumns.contains(name) && whole[1].contains("│ \(name) "), "\(id): \(name) is hidden and the query shows it")
            }
        }
        #expect(hiding > 0, "some card at 80 columns hides certification columns")
    }

    @Test("the fields that hold nothing are named on one line; with room, nothing is hidden and no footer is written")
    func emptyFieldsAndWideWindow() {
        let narrow = card("products where id = \"SP0156\"", columns: 80).joined(separator: "\n")
        #expect(narrow.contains("\nempty: score, price_vnd, certified_year\n"), "\(narrow)")
        #expect(!narrow.contains("score:") && !narrow.contains("price_vnd:"))
        #expect(narrow.contains("… is level, decision; to see them: certifications where product_id = \"SP0156\""), "\(narrow)")
        let wide = card("products where id = \"SP0156\"", columns: 140).joined(separator: "\n")
        #expect(wide.contains("│ level ") && wide.contains("2890/QĐ-BNN-VPĐP") && !wide.contains("│ … │") && !wide.contains("to see them"), "\(wide)")
    }
}
