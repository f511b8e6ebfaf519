import Foundation

/// `--data` takes a folder or one file (issue 15): `.xlsx`, `.csv`, `.tsv`, `.json`. In a
/// folder, `products.csv|json` is the products table as before; without one, the files are
/// recognised by their headers (`Danh sách OCOP 2024.xlsx` is a products list), and when
/// several could be the products list the message lists them and how to choose.
extension Loader {
    /// File extensions a data file may have.
    static let dataExtensions: Set<String> = ["xlsx", "csv", "tsv", "json"]

    /// The dataset at `path`: a folder (Loader.load(folder:)) or a single data file, whose
    /// sheet `sheet` (for .xlsx) is the products table.
    public static func load(_ given: String, sheet: String? = nil) throws(Diagnostic) -> Dataset {
        // an empty name is the folder loader's message; as export does, ~ is the home folder
        if given.isEmpty { return try load(folder: given, sheet: sheet) }
        let path = Paths.expandingTilde(given)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw Diagnostic.data(.noSuchDataPath, file: path, help: [.helpGiveListOrFolder])
        }
        if isDir.boolValue { return try load(folder: given, sheet: sheet) }
        let ext = (path as NSString).pathExtension.lowercased()
        guard dataExtensions.contains(ext) else {
            throw Diagnostic.data(.dataFileKind(ext: ext.isEmpty ? "(?)" : "." + ext), file: path,
                                  help: ext == "xls" || ext == "ods" ? [.helpSaveAsXLSX] : [.helpGiveListOrFolder])
        }
        let ds = Dataset(folder: given)
        try loadFile(path, as: "products", sheet: sheet, into: ds)
        guard ds.tables["products"] != nil else {
            throw Diagnostic.data(.notProductsFile, file: path, help: [.helpProductsHeader])
        }
        try link(ds)
        return ds
    }

    /// One data file loaded as table `name` (an .xlsx file may add its other sheets' tables).
    static func loadFile(_ path: String, as name: String, sheet: String?, into ds: Dataset, only: Bool = false) throws(Diagnostic) {
        switch (path as NSString).pathExtension.lowercased() {
        case "xlsx":
            try XLSXLoader.load(path, sheet: sheet, into: ds, only: only ? name : nil)
        default:
            ds.add(try fileTable(path, name: name, into: ds))
        }
    }

    /// The products file of a folder without products.csv|json: products.xlsx|tsv, else the one
    /// data file whose header looks like a products list.
    static func productsFile(in folder: String) throws(Diagnostic) -> String? {
        let fm = FileManager.default
        for ext in ["xlsx", "tsv"] {
            let p = (folder as NSString).appendingPathComponent("products.\(ext)")
            if fm.fileExists(atPath: p) { return p }
        }
        let reserved = Set(optionalTables)
        let files = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter { f in
            let ext = (f as NSString).pathExtension.lowercased()
            return dataExtensions.contains(ext) && !f.hasPrefix(".") && !f.hasPrefix("~$")
                && !reserved.contains(((f as NSString).deletingPathExtension).lowercased())
        }
        var candidates: [String] = []
        for f in files {
            let p = (folder as NSString).appendingPathComponent(f)
            if looksLikeProducts(p) { candidates.append(f) }
        }
        if candidates.count > 1 {
            throw Diagnostic.data(.severalProductsFiles(files: candidates.map { "'\($0)'" }), file: folder,
                                  help: [.helpChooseFile(path: (folder as NSString).appendingPathComponent(candidates[0]))])
        }
        return candidates.first.map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Whether the file's header (within its first rows) names a products list.
    static func looksLikeProducts(_ path: String) -> Bool {
        switch (path as NSString).pathExtension.lowercased() {
        case "xlsx":
            // a workbook that does not open may well be the list: loading it says why it does not
            // open (not a zip, a part missing), which "no products list in this folder" would hide
            guard let wb = try? Workbook(path: path) else { return true }
            for i in wb.sheets.indices {
                if let s = try? wb.sheet(i), XLSXLoader.role(of: s.rows) == "products" { return true }
            }
            return false
        case "csv", "tsv":
            guard let h = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? h.close() }
            let head = (try? h.read(upToCount: 64 << 10)) ?? Data()
            let rows = CSVGrid.rows(Array(head), limit: 40)
            return XLSXLoader.role(of: rows) == "products"
        case "json":
            return false
        default:
            return false
        }
    }

    /// Every data file in `folder`, for the message when none is a products list.
    static func dataFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter {
            dataExtensions.contains(($0 as NSString).pathExtension.lowercased()) || ["xls", "ods"].contains(($0 as NSString).pathExtension.lowercased())
        }
    }
}
