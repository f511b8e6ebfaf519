import Foundation
import ZIPFoundation

/// One cell of a sheet as the file stores it. Dates are kept as the raw serial and converted
/// with the workbook's date system when a column asks for them (`Workbook.day(serial:)`).
enum CellValue: Equatable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A number whose cell format is a date format: the serial, not yet converted.
    case date(Double)
    /// `#N/A`, `#VALUE!`: the error a formula left.
    case error(String)
    /// An ISO 8601 date written as text with `t="d"`.
    case isoDate(String)
}

/// A rectangle of merged cells, 0-based and inclusive; only the top-left cell holds the value.
struct MergedRange: Equatable, Sendable {
    var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
}

/// One sheet: rows of cells (row i is the sheet's row i + 1; missing rows are empty) and
/// its merged ranges.
struct Sheet: Sendable {
    var name: String
    var rows: [[CellValue]]
    var merged: [MergedRange]
}

/// An .xlsx file (Office Open XML): the zip is opened with ZIPFoundation; the workbook,
/// relationships, shared strings and styles are read up front, each sheet when asked for
/// (DESIGN-NOTES.md §4, after calamine).
struct Workbook {
    struct Failure: Error {
        var code: Message
        var help: [Message] = []
    }

    struct SheetEntry { var name: String; var path: String }

    let sheets: [SheetEntry]
    let date1904: Bool
    let sharedStrings: [String]
    /// Per `cellXfs` index: does the number format show a date?
    let dateStyles: [Bool]
    let archive: Archive

    /// A sheet larger than this (uncompressed) is refused rather than read: a zip bomb or a
    /// file that is not a list. 2 GiB is far beyond a million-row list (~300 MB).
    static let entryLimit: UInt64 = 2 << 30

    init(path: String) throws(Failure) {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw Failure(code: .xlsxNotZip, help: [.helpResaveXLSX])
        }
        try self.init(archive: archive)
    }

    init(data: Data) throws(Failure) {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw Failure(code: .xlsxNotZip, help: [.helpResaveXLSX])
        }
        try self.init(archive: archive)
    }

    private init(archive: Archive) throws(Failure) {
        self.archive = archive
        // _rels/.rels names the workbook part; xl/workbook.xml when it does not
        var workbookPath = "xl/workbook.xml"
        if let rels = try Self.part("_rels/.rels", in: archive) {
            for (type, target) in try Self.relationships(rels, part: "_rels/.rels").values where type.hasSuffix("/officeDocument") {
                workbookPath = Self.resolve(target, from: "")
            }
        }
        guard let wb = try Self.part(workbookPath, in: archive) else {
            throw Failure(code: .xlsxNoWorkbook(part: workbookPath), help: [.helpOldFormats])
        }
        let base = (workbookPath as NSString).deletingLastPathComponent
        let relsPath = (base.isEmpty ? "" : base + "/") + "_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        let rels = try Self.part(relsPath, in: archive).map { b throws(Failure) in try Self.relationships(b, part: relsPath) } ?? [:]
        var entries: [SheetEntry] = []
        var is1904 = false
        var sstPath: String?, stylesPath: String?
        for (type, target) in rels.values {
            if type.hasSuffix("/sharedStrings") { sstPath = Self.resolve(target, from: base) }
            if type.hasSuffix("/styles") { stylesPath = Self.resolve(target, from: base) }
        }
        try Self.scan(wb, part: workbookPath) { s, token throws(Failure) in
            guard case .start(let name, let attrs, _) = token else { return }
            if s.equals(name, "workbookPr"), let v = s.attribute("date1904", in: attrs) {
                let t = s.string(v)
                is1904 = t == "1" || t == "true"
            } else if s.equals(name, "sheet"), let n = s.attribute("name", in: attrs), let id = s.attribute("id", in: attrs) {
                if let (_, target) = rels[s.string(id)] {
                    entries.append(SheetEntry(name: s.string(n), path: Self.resolve(target, from: base)))
                }
            }
        }
        sheets = entries
        date1904 = is1904
        sharedStrings = try sstPath.flatMap { p throws(Failure) in try Self.part(p, in: archive).map { b throws(Failure) in try Self.strings(b, part: p) } } ?? []
        dateStyles = try stylesPath.flatMap { p throws(Failure) in try Self.part(p, in: archive).map { b throws(Failure) in try Self.styles(b, part: p) } } ?? []
    }

    // MARK: dates

    /// The calendar day of serial `v`: 1900 system from 1899-12-30, one day more below 60
    /// (Excel counts a 29 February 1900 that did not exist); 1904 system 1462 days later.
    func day(serial v: Double) -> Day? {
        guard v.isFinite, v >= 0, v < 2_958_466 else { return nil }
        var whole = Int(v.rounded(.down))
        if date1904 { whole += 1462 } else if whole < 60 { whole += 1 }
        // 1899-12-30 is day -25569 from 1970-01-01
        return Day(days: Int32(whole - 25569))
    }

    // MARK: reading parts

    static func part(_ path: String, in archive: Archive) throws(Failure) -> [UInt8]? {
        guard let entry = archive[path] ?? archive[path.hasPrefix("/") ? String(path.dropFirst()) : "/" + path] else { return nil }
        guard entry.uncompressedSize <= entryLimit else {
            throw Failure(code: .xlsxTooLarge(part: path))
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                guard UInt64(out.count + chunk.count) <= entryLimit else { throw Failure(code: .xlsxDamaged(part: path), help: [.helpResaveXLSX]) }
                out.append(contentsOf: chunk)
            }
        } catch let f as Failure {
            throw f
        } catch {
            throw Failure(code: .xlsxDamaged(part: path), help: [.helpResaveXLSX])
        }
        return out
    }

    /// `xl/` + `worksheets/sheet1.xml`; `/xl/…` targets are from the root.
    static func resolve(_ target: String, from base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.isEmpty ? [] : base.split(separator: "/").map(String.init)
        for p in target.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// Runs `body` on every token of `bytes`, turning malformed XML into a Failure naming the part.
    static func scan(_ bytes: [UInt8], part: String, _ body: (XMLScanner, XMLScanner.Token) throws(Failure) -> Void) throws(Failure) {
        let result: Failure? = bytes.withUnsafeBufferPointer { buffer -> Failure? in
            var s = XMLScanner(buffer)
            do {
                while let t = try s.next() { try body(s, t) }
            } catch let m as XMLScanner.Malformed {
                return Failure(code: .xlsxNotXML(part: part, byte: m.offset + 1, reason: m.message), help: [.helpResaveXLSX])
            } catch let f as Failure {
                return f
            } catch { return Failure(code: .xlsxDamaged(part: part), help: [.helpResaveXLSX]) }
            return nil
        }
        if let result { throw result }
    }

    /// Id → (type, target) of a .rels part.
    static func relationships(_ bytes: [UInt8], part: String) throws(Failure) -> [String: (String, String)] {
        var out: [String: (String, String)] = [:]
        try scan(bytes, part: part) { s, t in
            guard case .start(let name, let attrs, _) = t, s.equals(name, "Relationship"),
                  let id = s.attribute("Id", in: attrs), let type = s.attribute("Type", in: attrs),
                  let target = s.attribute("Target", in: attrs) else { return }
            out[s.string(id)] = (s.string(type), s.string(target))
        }
        return out
    }

    /// The shared strings: each `<si>` is its `<t>` runs joined; phonetic `<rPh>` runs skipped.
    static func strings(_ bytes: [UInt8], part: String) throws(Failure) -> [String] {
        var out: [String] = []
        var current = ""
        var inT = false, inPhonetic = false
        try scan(bytes, part: part) { s, t in
            switch t {
            case .start(let name, _, let selfClosing):
                if s.equals(name, "si") { current = ""; if selfClosing { out.append("") } }
                else if s.equals(name, "t") { inT = !selfClosing }
                else if s.equals(name, "rPh") { inPhonetic = !selfClosing }
            case .end(let name):
                if s.equals(name, "si") { out.append(current) }
                else if s.equals(name, "t") { inT = false }
                else if s.equals(name, "rPh") { inPhonetic = false }
            case .text(let r):
                if inT && !inPhonetic { current += s.string(r) }
            }
        }
        return out
    }

    /// For each `cellXfs/xf`, whether its number format is a date.
    static func styles(_ bytes: [UInt8], part: String) throws(Failure) -> [Bool] {
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        try scan(bytes, part: part) { s, t in
            switch t {
            case .start(let name, let attrs, let selfClosing):
                if s.equals(name, "numFmt"), let id = s.attribute("numFmtId", in: attrs).flatMap(s.int),
                   let code = s.attribute("formatCode", in: attrs) {
                    custom[id] = s.string(code, ooxml: false)
                } else if s.equals(name, "cellXfs") {
                    inCellXfs = !selfClosing
                } else if inCellXfs, s.equals(name, "xf") {
                    formats.append(s.attribute("numFmtId", in: attrs).flatMap(s.int) ?? 0)
                }
            case .end(let name):
                if s.equals(name, "cellXfs") { inCellXfs = false }
            case .text: break
            }
        }
        return formats.map { id in custom[id].map(NumberFormat.isDate) ?? NumberFormat.isBuiltinDate(id) }
    }
}
