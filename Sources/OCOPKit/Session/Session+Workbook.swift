import Foundation

/// `export "f.xlsx"`: a workbook. Alone it is written at once with one sheet; with
/// `sheet "NAME"` the result becomes one sheet of a workbook gathered over the run (a script,
/// or one REPL entry) and written, atomically like every export, when the run ends. A run
/// that stops on an error, or is cancelled, writes no half report: it says the file was not
/// written.
struct PendingWorkbook {
    /// The path as the first export of it wrote it, and where: a failed write is reported there.
    var path: String
    var range: SourceRange
    var source: Source
    var overwrite: Bool
    var names: [String] = []
    var sheets: [XLSXWriter.Sheet] = []
}

extension Session {
    /// `sheet` only for a workbook, a name Excel accepts, and not one an earlier export of
    /// the same file used (checked before anything runs: the check session gathers the names).
    func checkSheet(_ target: ExportTarget, workbook: Bool, _ source: Source) throws(Diagnostic) {
        guard let name = target.sheet else { return }
        let at = target.sheetRange ?? target.range
        guard workbook else {
            throw Diagnostic(.runtime, .exportSheetNotWorkbook(path: target.path), at: at, in: source,
                             help: [.helpExportSheetExample], topic: "export")
        }
        guard XLSXWriter.isValidSheetName(name) else {
            throw Diagnostic(.runtime, .exportSheetNameBad(name: name), at: at, in: source,
                             help: [.helpExportSheetName], topic: "export")
        }
        let key = Export.resolved(target.path)
        let i = workbooks.firstIndex { $0.key == key }
        if let i, workbooks[i].book.names.contains(where: { $0.lowercased() == name.lowercased() }) {
            throw Diagnostic(.runtime, .exportSheetTwice(name: name, path: target.path), at: at, in: source,
                             help: [.helpExportSheetOtherName], topic: "export")
        }
        if env.checking {
            // the check remembers the name only; the run gathers the rows
            if let i { workbooks[i].book.names.append(name) } else {
                workbooks.append((key, PendingWorkbook(path: target.path, range: target.range, source: source,
                                                       overwrite: target.overwrite, names: [name])))
            }
        }
    }

    /// The result as a workbook: written now, or kept as a sheet for the end of the run.
    func exportWorkbook(_ result: Executor.Result, _ target: ExportTarget, _ source: Source) throws(Diagnostic) {
        let table: ResultTable
        switch result {
        case .rows(let f): table = ResultTable(f)
        case .scalar(let v, let label):
            table = ResultTable(columns: [label], types: [v.dataType], count: 1) { _, _ in v }
        }
        func failed(_ e: Export.Failure) -> Diagnostic { Session.diagnostic(e, at: target.range, in: source) }
        guard let name = target.sheet else {
            do {
                let bytes = try XLSXWriter.workbook([.init(name: XLSXWriter.sheetName(forFile: target.path), table: table)], cancel: env.cancel)
                try Export.write(bytes: bytes, to: target.path, overwrite: target.overwrite, dataFolders: env.readFolders, cancel: env.cancel)
            } catch { throw failed(error) }
            confirm(.exported(n: table.count, path: target.path))
            return
        }
        let key = Export.resolved(target.path)
        if let i = workbooks.firstIndex(where: { $0.key == key }) {
            workbooks[i].book.overwrite = workbooks[i].book.overwrite || target.overwrite
            workbooks[i].book.names.append(name)
            workbooks[i].book.sheets.append(.init(name: name, table: table))
        } else {
            // the first export of this file: refused now (an existing file, the data folder),
            // not after the whole script has run
            do { try Export.preflight(target.path, overwrite: target.overwrite, dataFolders: env.readFolders) } catch { throw failed(error) }
            workbooks.append((key, PendingWorkbook(path: target.path, range: target.range, source: source, overwrite: target.overwrite,
                                                   names: [name], sheets: [.init(name: name, table: table)])))
        }
        confirm(.exportedSheet(n: table.count, path: target.path, sheet: name))
    }

    /// At the end of a run: each gathered workbook written, or, when the run stopped early
    /// (`complete` false: an error without --keep-going, Ctrl-C), a note that it was not.
    func finishWorkbooks(_ outcome: Outcome, complete: Bool) -> Outcome {
        let books = workbooks.map(\.book)
        workbooks = []
        var outcome = outcome
        for book in books where !book.sheets.isEmpty {
            guard complete, !env.cancel.isCancelled else {
                sink.err(DiagnosticRenderer(lang: options.lang, color: options.render.color)
                    .render(Diagnostic(.runtime, .exportWorkbookNotWritten(path: book.path), severity: .note)))
                continue
            }
            do {
                let bytes = try XLSXWriter.workbook(book.sheets, cancel: env.cancel)
                try Export.write(bytes: bytes, to: book.path, overwrite: book.overwrite, dataFolders: env.readFolders, cancel: env.cancel)
                confirm(.exportedWorkbook(path: book.path, sheets: book.names))
            } catch {
                report(Session.diagnostic(error, at: book.range, in: book.source))
                outcome = .failed(.runtime)
            }
        }
        return outcome
    }

    /// A refused or failed workbook export, at the file name.
    static func diagnostic(_ e: Export.Failure, at range: SourceRange, in source: Source) -> Diagnostic {
        var help = e.help
        if help.isEmpty, case .exportCellTooLong = e.message { help = [.helpExportShorterOrCSV] }
        return Diagnostic(.runtime, e.message, at: range, in: source, help: help, topic: "export")
    }
}
