import Foundation
import ZIPFoundation

/// Results written as an Office Open XML workbook (.xlsx), one sheet per result: the parts
/// are written here (no Swift package among the offline ones writes .xlsx) into a zip made
/// by ZIPFoundation in memory; Export.write then puts the bytes in place atomically.
///
/// Cells are typed: integers and decimals are numbers, dates are serials of the 1900 date
/// system with a `dd/mm/yyyy` format, booleans are booleans, text is a shared string (a
/// province repeated on 10,000 rows is stored once). The header row is bold and frozen, and
/// each column is as wide as its longest value (at most `maxWidth` characters).
enum XLSXWriter {
    struct Sheet {
        var name: String
        var table: ResultTable
    }

    /// Excel's limits: rows and columns of a sheet, characters of a cell, of a sheet name.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384
    static let maxCellCharacters = 32_767
    static let maxSheetName = 31
    static let maxWidth = 60

    /// The style indexes of styles.xml's cellXfs.
    static let headerStyle = 1, dateStyle = 2

    /// The characters a sheet name may not hold (Excel refuses the workbook otherwise).
    static let forbidden: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]

    /// Whether `name` can name a sheet: 1 to 31 characters (UTF-16 units, as Excel counts),
    /// none of `: \ / ? * [ ]`, not starting or ending with an apostrophe, not `History`.
    static func isValidSheetName(_ name: String) -> Bool {
        !name.isEmpty && name.utf16.count <= maxSheetName && !name.contains(where: forbidden.contains)
            && !name.hasPrefix("'") && !name.hasSuffix("'") && name.lowercased() != "history"
            && !name.unicodeScalars.contains { $0.value < 0x20 }
    }

    /// A sheet name made from a file name when the export names none: `het-han.xlsx` → `het-han`.
    static func sheetName(forFile path: String) -> String {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var name = String(base.filter { !forbidden.contains($0) && !$0.unicodeScalars.contains { $0.value < 0x20 } })
        while name.utf16.count > maxSheetName { name.removeLast() }
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        if name.isEmpty || name.lowercased() == "history" { name = "1" }
        return name
    }

    /// The workbook's bytes. A result too large for a sheet, or a cell too long for Excel,
    /// is refused rather than cut.
    static func workbook(_ sheets: [Sheet], cancel: CancelToken? = nil) throws(Export.Failure) -> Data {
        var strings = SharedStrings()
        var parts: [(String, Data)] = []
        for (i, sheet) in sheets.enumerated() {
            let t = sheet.table
            if t.count + 1 > maxRows {
                throw Export.Failure(message: .exportTooManyRows(n: t.count, limit: maxRows - 1, sheet: sheet.name))
            }
            if t.columns.count > maxColumns {
                throw Export.Failure(message: .exportTooManyColumns(n: t.columns.count, limit: maxColumns, sheet: sheet.name))
            }
            parts.append(("xl/worksheets/sheet\(i + 1).xml", try worksheet(t, sheet.name, selected: i == 0, strings: &strings, cancel: cancel)))
        }
        parts.append(("xl/sharedStrings.xml", strings.xml()))
        parts.append(("xl/styles.xml", Data(styles.utf8)))
        parts.append(("xl/workbook.xml", Data(workbookXML(sheets.map(\.name)).utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data(workbookRels(sheets.count).utf8)))
        parts.append(("_rels/.rels", Data(rootRels.utf8)))
        parts.append(("[Content_Types].xml", Data(contentTypes(sheets.count).utf8)))
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            // [Content_Types].xml first, as Excel writes it (some readers look for it there)
            for (path, data) in parts.reversed() {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw Export.Failure(message: .exportZipFailed) }
            return bytes
        } catch let e as Export.Failure {
            throw e
        } catch {
            throw Export.Failure(message: .exportZipFailed)
        }
    }

    // MARK: the sheet

    /// One worksheet part: the frozen header, the column widths, then the rows.
    static func worksheet(_ t: ResultTable, _ name: String, selected: Bool, strings: inout SharedStrings,
                          cancel: CancelToken?) throws(Export.Failure) -> Data {
        let n = t.columns.count
        let letters = (0..<n).map(columnName)
        var widths = t.columns.map { DisplayWidth.of($0) + 1 }  // bold is a little wider
        var body: [UInt8] = []
        body.reserveCapacity(64 + t.count * n * 16)
        func put(_ s: String) { body.append(contentsOf: s.utf8) }
        put("<sheetData>")
        // the header: bold text
        put("<row r=\"1\">")
        for c in 0..<n {
            put("<c r=\"\(letters[c])1\" s=\"\(headerStyle)\" t=\"s\"><v>\(strings.index(t.columns[c]))</v></c>")
        }
        put("</row>")
        for r in 0..<t.count {
            if r & 0xFFF == 0, cancel?.isCancelled == true { throw Export.Failure(message: .cancelled) }
            let row = r + 2
            put("<row r=\"\(row)\">")
            for c in 0..<n {
                let v = t.cell(r, c)
                let ref = "\(letters[c])\(row)"
                var shown = 0
                switch v {
                case .null: continue
                case .integer(let i):
                    let s = String(i)
                    shown = s.utf8.count
                    put("<c r=\"\(ref)\"><v>\(s)</v></c>")
                case .decimal(let d):
                    guard d.isFinite else { continue }
                    shown = ValueFormat.decimal(d).utf8.count
                    put("<c r=\"\(ref)\"><v>\(d)</v></c>")
                case .boolean(let b):
                    shown = b ? 4 : 5
                    put("<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>")
                case .date(let day):
                    shown = 10
                    if let serial = serial(day) {
                        put("<c r=\"\(ref)\" s=\"\(dateStyle)\"><v>\(serial)</v></c>")
                    } else {
                        // before 1 March 1900 a serial is not a date Excel and LibreOffice agree on
                        put("<c r=\"\(ref)\" t=\"s\"><v>\(strings.index(day.vn))</v></c>")
                    }
                case .text(let s):
                    if s.utf16.count > maxCellCharacters {
                        throw Export.Failure(message: .exportCellTooLong(sheet: name, cell: ref, n: s.count, limit: maxCellCharacters))
                    }
                    shown = s.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
                    put("<c r=\"\(ref)\" t=\"s\"><v>\(strings.index(s))</v></c>")
                }
                if shown > widths[c] { widths[c] = shown }
            }
            put("</row>")
        }
        put("</sheetData>")

        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        head += "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        let last = n == 0 ? "A1" : "\(letters[n - 1])\(t.count + 1)"
        head += "<dimension ref=\"A1:\(last)\"/>"
        head += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        head += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        head += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        head += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if n > 0 {
            head += "<cols>"
            for c in 0..<n {
                // Excel's width unit is a digit of the default font; two more for the cell's margins
                let w = min(widths[c], maxWidth) + 2
                head += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
            }
            head += "</cols>"
        }
        var out = Data(head.utf8)
        out.append(contentsOf: body)
        out.append(contentsOf: "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>".utf8)
        return out
    }

    /// `A`, `B`, … `Z`, `AA`, … for the 0-based column `i`.
    static func columnName(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// The 1900-system serial of `day` (1 = 1 January 1900, with Lotus's 29 February 1900,
    /// so 1 March 1900 is 61); nil before 1 March 1900.
    static func serial(_ day: Day) -> Int? {
        let s = Int(day.days) + 25_569  // 1970-01-01 is serial 25569
        return s >= 61 ? s : nil
    }

    // MARK: text

    /// The workbook's shared strings: each distinct text once, cells refer to it by index.
    struct SharedStrings {
        var index: [String: Int] = [:]
        var list: [String] = []
        var uses = 0

        mutating func index(_ s: String) -> Int {
            uses += 1
            if let i = index[s] { return i }
            index[s] = list.count
            list.append(s)
            return list.count - 1
        }

        func xml() -> Data {
            var out: [UInt8] = []
            out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"\(mainNS)\" count=\"\(uses)\" uniqueCount=\"\(list.count)\">".utf8)
            for s in list {
                out.append(contentsOf: "<si><t xml:space=\"preserve\">".utf8)
                XLSXWriter.escape(s, into: &out)
                out.append(contentsOf: "</t></si>".utf8)
            }
            out.append(contentsOf: "</sst>".utf8)
            return Data(out)
        }
    }

    /// Text as XML character data: `& < >` as entities; a control character XML cannot hold
    /// (and a carriage return, which an XML reader would turn into a line feed) as OOXML's
    /// `_xHHHH_`; and an `_x` that would read as such an escape has its `_` escaped (`_x005F_`).
    static func escape(_ s: String, into out: inout [UInt8]) {
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            let b = u[i]
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case 9, 10: out.append(b)
            case 0..<32: out.append(contentsOf: String(format: "_x%04X_", Int(b)).utf8)
            case UInt8(ascii: "_") where looksEscaped(u, i): out.append(contentsOf: "_x005F_".utf8)
            case 0xEF where i + 2 < u.count && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF):
                // U+FFFE and U+FFFF are not XML characters either
                out.append(contentsOf: (u[i + 2] == 0xBE ? "_xFFFE_" : "_xFFFF_").utf8)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
    }

    /// `_xHHHH_` starting at `i`.
    static func looksEscaped(_ u: [UInt8], _ i: Int) -> Bool {
        guard i + 6 < u.count, u[i + 1] == UInt8(ascii: "x"), u[i + 6] == UInt8(ascii: "_") else { return false }
        return u[(i + 2)...(i + 5)].allSatisfy { b in
            (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b)
        }
    }

    static func attribute(_ s: String) -> String {
        var out: [UInt8] = []
        escape(s, into: &out)
        return String(decoding: out, as: UTF8.self).replacingOccurrences(of: "\"", with: "&quot;")
    }

    // MARK: the other parts

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func workbookXML(_ names: [String]) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        s += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, name) in names.enumerated() {
            s += "<sheet name=\"\(attribute(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return s + "</sheets></workbook>"
    }

    static func workbookRels(_ sheets: Int) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"\(packageRelNS)\">"
        for i in 0..<sheets {
            s += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        s += "<Relationship Id=\"rId\(sheets + 2)\" Type=\"\(relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return s + "</Relationships>"
    }

    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="\(packageRelNS)"><Relationship Id="rId1" Type="\(relNS)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    static func contentTypes(_ sheets: Int) -> String {
        let ml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ml).sheet.main+xml\"/>"
        for i in 0..<sheets {
            s += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"\(ml).worksheet+xml\"/>"
        }
        s += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ml).styles+xml\"/>"
        s += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ml).sharedStrings+xml\"/>"
        return s + "</Types>"
    }

    /// Three cell styles: 0 plain, 1 the bold header, 2 a date shown dd/mm/yyyy.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(mainNS)">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
