import Foundation
import Testing
@testable import OCOPKit

/// The `Message` catalogues: every code has an entry in English and in Vietnamese and no
/// catalogue has extras; each entry's placeholders are exactly the code's argument labels;
/// every topic a throw site names exists.
@Suite("Message catalogues")
struct MessageCatalogueTests {
    /// One example of every code (adding a case to `Message` adds one line here).
    static let examples: [Message] = [
        .unitDivided(old: "Xã Tân Thạnh (Huyện Thới Lai, Cần Thơ)", into: ["Xã Trường Thành", "Xã Tân Thạnh"], chosen: "Xã Trường Thành", n: 2),
        .unitAmbiguous(written: "Thạnh An", fits: ["Thị trấn Thạnh An", "Xã Thạnh An"], chosen: "Xã Thạnh An", n: 1),
        .unitElsewhere(commune: "Bằng Phúc", district: "Ba Bể", foundIn: ["Huyện Chợ Đồn"], n: 1),
        .unitUnknownCommune(commune: "Nông Thuợng", place: "Thành phố Bắc Kạn, Bắc Kạn", n: 3),
        .unitUnknownDistrict(district: "Ba Be Be", province: "Bắc Kạn", n: 1),
        .unitUnknownProvince(province: "Bắc Kan Kan", n: 1),
        .helpUnitNearest(names: ["Xã Nông Thượng"]),
        .helpUnitDivided,
        .helpUnitTypeWord,
        .helpUnitCheckDistrict,
        .helpUnitOldName,
        .noteProvinceMerged(province: "Bắc Ninh", others: ["Bắc Giang"], n: 80),
        .noteOldProvinceName(province: "Bắc Kạn", today: "Thái Nguyên", old: 86, n: 104),
        .labelError,
        .labelWarning,
        .labelNote,
        .labelHint,
        .seeHelp(topic: "x"),
        .typeInteger,
        .typeDecimal,
        .typeText,
        .typeDate,
        .typeBoolean,
        .typeNull,
        .typeDuration,
        .quoted(text: "x"),
        .either(first: .quoted(text: "y"), second: .quoted(text: "y")),
        .verbatim(text: "x"),
        .cutLength(n: 10_000_000),
        .andMore(n: 1_999_970),
        .unconverted(english: "x"),
        .rowCount(n: 2),
        .letConfirm(name: "x", n: 2),
        .paramConfirm(name: "x", value: "x"),
        .paramConfirmFromCommandLine(name: "x", value: "x"),
        .paramConfirmGiven(name: "x", value: "x"),
        .exported(n: 2, path: "x"),
        .timing(what: .quoted(text: "y"), ms: "x"),
        .timingStatement,
        .timingLoad,
        .moreRowsREPL,
        .moreRowsCommandLine,
        .rowsShown(n: 2, shown: 2),
        .columnsHidden(n: 2, shown: 2, hidden: ["a", "b"]),
        .settingDisplay,
        .configBadLine(file: "/h/.config/ocop/config", line: 3, reason: .configNotASetting(text: "langvi")),
        .configNotASetting(text: "langvi"),
        .configNotKept(name: "today", kept: ["lang", "pager"]),
        .configNotText(file: "/h/.config/ocop/config"),
        .configSaved(name: "lang", file: "/h/.config/ocop/config"),
        .configCannotSave(file: "/h/.config/ocop/config", reason: "Permission denied"),
        .noteNoValue(field: "x", value: "x"),
        .noteNoValueMeant(field: "x", value: "x", candidates: .quoted(text: "y")),
        .noteCandidate(value: "x", n: 2, noun: "x"),
        .noteCandidateRows(value: "x", n: 2),
        .noteRange(field: "x", low: "x", high: "x"),
        .noteNullCompared(field: "x", op: "x", test: "x"),
        .noteCompareWarnings(folder: "x", summary: .quoted(text: "y")),
        .letIsTable(name: "x"),
        .letScalar(name: "x"),
        .helpDropFinalCount(name: "x", query: "x"),
        .parameterNoValue(name: "x"),
        .helpParamOnCommandLine(script: "x", name: "x"),
        .helpParamDefault(name: "x"),
        .parameterIsDuration,
        .helpParamExample,
        .paramNotType(name: "x", raw: "x", type: .integer),
        .helpParamDefaultType(defaultText: "x", type: .integer),
        .printQueryColumns(n: 2),
        .helpEndWithCountOrOneField,
        .printDuration,
        .helpPrintDuration(text: "x"),
        .assertNeedsCondition,
        .helpAssertCompareCount(query: "x"),
        .assertValues(expr: "x", value: "x", op: "x", expected: "x"),
        .assertUnknown,
        .assertFailed(condition: "x"),
        .assertMessage(text: "x"),
        .chartNeedsRows,
        .helpChartGroupFirst(query: "x"),
        .exportFormatUnknown(path: "x"),
        .helpExportExtensions,
        .hintCSVForExcel(path: "x.csv"),
        .exportInsideDataFolder(folder: "x"),
        .helpExportElsewhere(file: "x"),
        .exportNoFolder(folder: "x"),
        .helpExportCreateFolder,
        .exportTargetIsFolder(path: "x"),
        .exportExists(path: "x"),
        .helpExportOverwrite(path: "x"),
        .exportReadOnly(path: "x"), .helpExportReadOnly,
        .exportCannotWriteIn(folder: "x", reason: .quoted(text: "y")),
        .exportCannotWrite(path: "x", reason: .quoted(text: "y")),
        .exportTooManyRows(n: 2_000_000, limit: 1_048_575, sheet: "x"),
        .exportTooManyColumns(n: 20_000, limit: 16_384, sheet: "x"),
        .exportCellTooLong(sheet: "x", cell: "B2", n: 40_000, limit: 32_767),
        .helpExportShorterOrCSV,
        .exportZipFailed(reason: "x"),
        .exportSheetNotWorkbook(path: "x.csv"),
        .helpExportSheetExample,
        .exportSheetNameBad(name: "a/b"),
        .helpExportSheetName,
        .exportSheetTwice(name: "x", path: "y.xlsx"),
        .helpExportSheetOtherName,
        .exportedSheet(n: 3, path: "x.xlsx", sheet: "y"),
        .exportedWorkbook(path: "x.xlsx", sheets: ["a", "b"]),
        .exportWorkbookNotWritten(path: "x.xlsx"),
        .systemPermissionDenied,
        .systemNoSpace,
        .systemReadOnly,
        .systemNoSuchFile,
        .systemIsFolder,
        .systemOther(code: 2, description: "x"),
        .controlCharacter(code: "x"),
        .helpRemoveControlCharacter,
        .parameterNameAfterDollar,
        .unexpectedCharacterIn(word: "x"),
        .helpNameCharacters,
        .unexpectedCharacter(character: "x"),
        .helpStraightQuotes,
        .helpUseNot,
        .helpUseAndOr,
        .unterminatedText(quote: "x"),
        .helpCloseText(quote: "x"),
        .unterminatedQuotedName,
        .invalidDate(text: "x"),
        .numberRunsIntoName(text: "x"),
        .helpPutSpace,
        .scriptNotUTF8(byte: "x"),
        .helpResaveUTF8,
        .expected(what: .quoted(text: "y"), found: .quoted(text: "y")),
        .expectedAfter(what: .quoted(text: "y"), after: .quoted(text: "y"), found: .quoted(text: "y")),
        .foundEndOfInput,
        .foundEndOfLine,
        .foundText(text: "x"),
        .phraseClauseOrEnd,
        .phraseClause,
        .phraseValueFieldOrParen,
        .phraseTableOrVariable,
        .phraseTableOrVariableName,
        .phraseVariableName,
        .phraseSettingName,
        .phraseColumnName,
        .phraseFieldName,
        .phraseValue,
        .phraseQuery,
        .phraseList,
        .phraseListItem,
        .phraseArgumentsOf(function: "x"),
        .phraseFileName,
        .phraseSheetName,
        .phraseParameterName,
        .phraseTextInQuotes,
        .phraseMessageInQuotes,
        .phraseCommaInAssert,
        .phraseValueInsideBraces,
        .phraseDataFolder,
        .labelUnclosed(symbol: "x"),
        .helpDidYouMean(word: "x"),
        .helpDidYouMeanEither(first: "x", second: "x"),
        .helpWrite(text: "x"),
        .helpKeywordAsName(word: "x"),
        .helpKeywordInEnglish(word: "x", keyword: "x"),
        .helpTableInEnglish(word: "x", table: "x"),
        .helpTopN(n: "x"),
        .helpRepeatField(conjunction: "x", field: "x", op: "x"),
        .nestedTooDeeply(limit: 2),
        .helpSplitWithLet,
        .cannotEndStatement(word: "x"),
        .helpChartExportEnd(word: "x"),
        .unknownClause(word: "x"),
        .commandAsVariable(name: "x"),
        .statementStartsWithTable(word: "x"),
        .helpStartWithTable(word: "x"),
        .helpExampleQuery,
        .numberTooLarge(text: "x"),
        .integerTooLarge(text: "x", largest: "x"),
        .listOnlyAfterIn,
        .helpListExample,
        .helpExportExample,
        .helpParamNameExample,
        .helpPrintValues,
        .braceWithoutOpen,
        .helpEscapeCloseBrace,
        .braceNotClosed,
        .helpCloseBrace,
        .singleQuotesInside,
        .helpSingleQuotesExample,
        .emptyBraces,
        .helpPutValueInBraces,
        .helpCompareExample,
        .cancelled,
        .settingUnknown(name: "x"),
        .settingDidYouMean(name: "x"),
        .settingList(names: ["a", "b"]),
        .settingChoice(name: "x", values: ["a", "b"]),
        .settingOnOff(name: "x"),
        .settingRows(name: "x"),
        .settingDate(name: "x"),
        .compareCannotLoad(folder: "x", reason: .quoted(text: "y")),
        .compareDoesNotLoad(folder: "x"),
        .located(place: "x", message: .quoted(text: "y")),
        .noSuchDataPath,
        .helpGiveListOrFolder,
        .dataFileKind(ext: "x"),
        .helpSaveAsXLSX,
        .notProductsFile,
        .helpProductsHeader,
        .severalProductsFiles(files: ["x", "y"]),
        .helpChooseFile(path: "x"),
        .noProductsList,
        .helpNoDataFiles,
        .helpNoProductsHeader(files: ["x", "y"]),
        .noSheet(name: "x"),
        .helpSheets(names: ["x", "y"]),
        .severalProductsSheets(sheets: ["x", "y"]),
        .helpChooseSheet(name: "x"),
        .noProductsSheet,
        .noSheets,
        .sheetNamed(name: "x"),
        .noHeaderRow,
        .xlsxNotZip,
        .helpResaveXLSX,
        .xlsxNoWorkbook(part: "x"),
        .helpOldFormats,
        .xlsxDamaged(part: "x"),
        .xlsxTooLarge(part: "x"),
        .xlsxNotXML(part: "x", byte: 2, reason: "x"),
        .xlsxSheetMissing(name: "x", part: "x"),
        .cellLeftEmpty(sheet: "x", cell: "x", header: "x"),
        .columnLeftEmpty(column: 2, header: "x"),
        .strictDoubtful(n: 2),
        .helpStrict,
        .unknownParameter(name: "x"),
        .helpDeclareParam(name: "x"),
        .durationNeedsInteger(type: .integer),
        .integerOverflow,
        .integerOverflowIn(expr: "x"),
        .integerOverflowInFunction(function: "x"),
        .helpIntegerRange,
        .cannotNegate(type: .integer),
        .relationIsRecord(name: "x", table: "x"),
        .relationIsSet(name: "x", table: "x"),
        .helpCountOrAggregate(name: "x", field: "x"),
        .helpForExample(text: "x"),
        .noCurrentRow(name: "x"),
        .helpCountTable(name: "x"),
        .helpParameterDollar(name: "x"),
        .helpDidYouMeanTable(word: "x"),
        .helpValueHere,
        .unknownField(name: "x"),
        .unknownFieldIn(name: "x", table: "x"),
        .helpTableHas(table: "x", names: ["a", "b"]),
        .helpIsTable(name: "x"),
        .dateOperatorDuration(op: "x", text: "x"),
        .helpDurationAfter(left: "x", op: "x"),
        .dateOutOfRange(expr: "x"),
        .cannotUseWith(op: "x", left: .integer, right: .integer),
        .helpAddDuration(text: "x"),
        .operatorNeedsNumbers(op: "x", text: "x", type: .integer),
        .divisionByZero,
        .unknownFunction(name: "x"),
        .helpFunctions(names: ["a", "b"]),
        .functionArity(function: "x", n: 2, given: 2),
        .functionArityRange(function: "x", low: 2, high: 2, given: 2),
        .functionNeedsType(function: "x", type: .integer, text: "x", actual: .integer),
        .functionConstantArgument(function: "x", position: 2, name: "x", low: 2, high: 2),
        .functionOneType(function: "x", text: "x", type: .integer),
        .aggregateOneArgument(function: "x"),
        .aggregateNeedsGroups(function: "x"),
        .cannotCountDuration,
        .minMaxNeedsOrdered(function: "x"),
        .aggregateNeedsNumbers(function: "x", text: "x", type: .integer),
        .relationOnlyWhere,
        .relationAggregateNeedsField(function: "x"),
        .notGroupKey(name: "x"),
        .helpAddToGroup(name: "x"),
        .relationQueryOnlyInCount(table: "x"),
        .queryValueRows(n: 2),
        .queryValueFields(n: 2),
        .helpEndWithCountOrOneRow,
        .inListNeedsValues,
        .conditionNotBoolean(type: .integer),
        .helpCompareIt(text: "x"),
        .cannotCompare(left: .integer, leftText: "x", right: .integer, rightText: "x", op: "x"),
        .helpCompareDates,
        .helpDateNoQuotes(date: "x"),
        .helpDateForm,
        .helpNumberNoQuotes(text: "x"),
        .helpQuoteText(field: "x"),
        .textOperatorNeedsText(op: "x", text: "x", type: .integer),
        .compareNeedsID,
        .helpCompareByID,
        .cannotGroupByDuration,
        .cannotSortByDuration,
        .scalarEndsStatement(label: "x"),
        .helpMoveToEnd(label: "x", text: "x"),
        .unknownTableOrVariable(name: "x"),
        .helpTables(names: ["a", "b"]),
        .helpStartWithTableKeyword(word: "x"),
        .alreadyGrouped,
        .helpOneGroupBy,
        .durationNotShown,
        .duplicateColumn(name: "x"),
        .helpNameWithAs(text: "x"),
    ]

    @Test("every code has an entry in both catalogues, and no catalogue has extras")
    func sameCodes() {
        let all = Set(Message.ID.allCases)
        for lang in Lang.allCases {
            let keys = Set(Catalogue.table(lang).keys)
            #expect(all.subtracting(keys).map(\.rawValue).sorted() == [], "missing in \(lang)")
            #expect(keys.subtracting(all).map(\.rawValue).sorted() == [], "extra in \(lang)")
        }
    }

    @Test("every code has an example, and every example's id is its case name")
    func examplesCoverCodes() {
        let covered = Set(Self.examples.map(\.id))
        #expect(Set(Message.ID.allCases).subtracting(covered).map(\.rawValue).sorted() == [])
        for m in Self.examples {
            #expect(Mirror(reflecting: m).children.first?.label ?? "\(m)" == m.id.rawValue)
        }
    }

    @Test("placeholders are the code's argument labels: all of them in English, no others in Vietnamese")
    func placeholdersMatchArguments() {
        for m in Self.examples {
            let labels = m.arguments.map(\.label)
            #expect(!labels.contains(""), "\(m.id): every associated value needs a label")
            for lang in Lang.allCases {
                guard let template = Catalogue.table(lang)[m.id] else { continue }
                // English uses every argument; another language may leave one out (a plural
                // noun Vietnamese does not need) but never names one the code lacks
                let names = DiagnosticRenderer.placeholders(template)
                #expect(lang == .en ? names == Set(labels) : names.isSubset(of: Set(labels)),
                        "\(m.id) in \(lang): placeholders \(names.sorted()), arguments \(labels)")
                let text = m.text(lang)
                for label in labels { #expect(!text.contains("{\(label)"), "\(m.id) in \(lang) left {\(label)} unfilled") }
            }
        }
    }

    @Test("a number picks its plural; braces are escaped; a message argument renders in the same language")
    func filling() {
        #expect(Message.rowCount(n: 1).text(.en) == "1 row")
        #expect(Message.rowCount(n: 12_345).text(.en) == "12,345 rows")
        #expect(Message.rowCount(n: 6).text(.vi) == "6 dòng")
        #expect(Message.printQueryColumns(n: 2).text(.en) == "a query inside {…} must give one column, but this one gives 2")
        #expect(Message.paramNotType(name: "p", raw: "x", type: .date).text(.vi) == "--param p=x không phải một ngày")
        #expect(Message.either(first: .quoted(text: "a"), second: .quoted(text: "b")).text(.vi) == "'a' hay 'b'")
    }

    /// `topic: "…"` at the throw sites in Sources.
    static func namedTopics() throws -> Set<String> {
        let sources = Support.root.appendingPathComponent("Sources/OCOPKit")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let pattern = try NSRegularExpression(pattern: #"topic: "([^"]+)""#)
        var topics = Set<String>()
        for f in files {
            let text = try String(contentsOf: f, encoding: .utf8)
            let ns = text as NSString
            for m in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                topics.insert(ns.substring(with: m.range(at: 1)))
            }
        }
        return topics
    }

    @Test("every help topic a throw site names is a topic of help")
    func topicsExist() throws {
        let named = try Self.namedTopics()
        #expect(named.count >= 10, "the scan finds the topics")
        for t in named.sorted() { #expect(Help.topics[t] != nil, "help \(t) does not exist") }
    }

    @Test("every topic a code names is a topic of help")
    func codeTopicsExist() {
        var named = 0
        for m in Self.examples {
            guard let t = Help.topic(ofCode: Diagnostic(.type, m), tables: []) else { continue }
            named += 1
            #expect(Help.topics[t] != nil, "\(m.id): help \(t) does not exist")
        }
        #expect(named >= 20)
    }
}
