import Foundation

/// Every sentence ocop says to a user, as a code with typed arguments: errors, hints, notes,
/// labels, confirmations and summaries. The words are in the catalogues
/// (Catalogue+English.swift, Catalogue+Vietnamese.swift), keyed by `Message.ID`; arguments are
/// filled in by name (`{name}`), so every associated value has a label. An argument that is a
/// `Message` is rendered in the same language; a `DataType` becomes its phrase ("a whole
/// number", "số nguyên"); an `Int` is written with digit grouping and can choose a plural
/// (`{n|row|rows}`); `[String]` is joined with ", ". How to add one: Diagnostic.swift.
public indirect enum Message: Sendable, Equatable {
    // MARK: the frame of a rendered diagnostic
    case labelError
    case labelWarning
    case labelNote
    case labelHint
    case seeHelp(topic: String)

    // MARK: phrases used inside other messages
    case typeInteger
    case typeDecimal
    case typeText
    case typeDate
    case typeBoolean
    case typeNull
    case typeDuration
    /// A symbol, keyword or word as typed, in quotes: `')'`, `'sort'`.
    case quoted(text: String)
    /// Two or more alternatives: `"Bắc Kạn" (86 products) or "Bắc Cạn" (2 products)`.
    case either(first: Message, second: Message)
    /// Text the user wrote or data holds, shown as it is.
    case verbatim(text: String)
    /// After the start of a long text a message quotes: `(10,000,000 characters)`.
    case cutLength(n: Int)
    /// After the first items of a long list a message names: `and 1,999,970 more`.
    case andMore(n: Int)


    // MARK: results and confirmations
    case rowCount(n: Int)
    /// A line of `tables`: a loaded table with its rows and fields, or a variable.
    case tablesTable(name: String, n: Int, fields: [String])
    case tablesVariable(name: String, n: Int)
    case letConfirm(name: String, n: Int)
    case paramConfirm(name: String, value: String)
    case paramConfirmFromCommandLine(name: String, value: String)
    case paramConfirmGiven(name: String, value: String)
    case exported(n: Int, path: String)
    case timing(what: Message, ms: String)
    case timingStatement
    case timingLoad
    case moreRowsREPL
    case moreRowsCommandLine
    /// Under a table cut to its first and last rows.
    case rowsShown(n: Int, shown: Int)
    /// Under a table fitted to the terminal by hiding columns.
    case columnsHidden(n: Int, shown: Int, hidden: [String])
    /// Under `describe TABLE` fitted by hiding columns: `describe TABLE.FIELD` shows a field whole.
    case columnsHiddenDescribe(n: Int, shown: Int, hidden: [String], table: String)
    /// Under a record card's related table fitted by hiding columns: which, and the query that shows them.
    case cardColumnsHidden(hidden: [String], query: String)
    /// A record card's fields that hold nothing, on one line.
    case cardEmptyFields(fields: [String])
    /// A line of the config file that was not used, and why.
    case configBadLine(file: String, line: Int, reason: Message)
    case configNotASetting(text: String)
    case configNotKept(name: String, kept: [String])
    case configNotText(file: String)
    /// `set NAME VALUE save`.
    case configSaved(name: String, file: String)
    case configCannotSave(file: String, reason: Message)
    /// `set display` with a value it does not take.
    case settingDisplay
    /// Headings of the columns ocop names itself (Column.heading): a group's count, a pivot's
    /// total and its column of nulls; and a chart's label for a null.
    case headingCount
    case headingTotal
    case headingNull
    case chartNull

    // MARK: notes beside an empty result
    case noteNoValue(field: String, value: String)
    case noteNoValueMeant(field: String, value: String, candidates: Message)
    case noteCandidate(value: String, n: Int, noun: String)
    case noteCandidateRows(value: String, n: Int)
    case noteRange(field: String, low: String, high: String)
    case noteNullCompared(field: String, op: String, test: String)
    case noteCompareWarnings(folder: String, summary: Message)

    // MARK: let, param, print, assert, chart, export
    case letIsTable(name: String)
    case letScalar(name: String)
    case helpDropFinalCount(name: String, query: String)
    case parameterNoValue(name: String)
    case helpParamOnCommandLine(script: String, name: String)
    case helpParamDefault(name: String)
    case parameterIsDuration
    case helpParamExample
    case paramNotType(name: String, raw: String, type: DataType)
    case helpParamDefaultType(defaultText: String, type: DataType)
    case printQueryColumns(n: Int)
    case helpEndWithCountOrOneField
    case printDuration
    case helpPrintDuration(text: String)
    case assertNeedsCondition
    case helpAssertCompareCount(query: String)
    case assertValues(expr: String, value: String, op: String, expected: String)
    case assertUnknown
    case assertFailed(condition: String)
    case assertMessage(text: String)
    case chartNeedsRows
    case helpChartGroupFirst(query: String)
    case exportFormatUnknown(path: String)
    /// A file or folder name in a statement with a NUL character in it.
    case fileNameHasNUL(name: String)
    case helpFileNameNUL
    case helpExportExtensions
    case hintCSVForExcel(path: String)

    case exportInsideDataFolder(folder: String)
    case helpExportElsewhere(file: String)
    case exportNoFolder(folder: String)
    case helpExportCreateFolder
    case exportTargetIsFolder(path: String)
    case exportExists(path: String)
    case helpExportOverwrite(path: String)
    /// `overwrite` of a file the user may not write (as cp would refuse).
    case exportReadOnly(path: String)
    case helpExportReadOnly
    case exportCannotWriteIn(folder: String, reason: Message)
    case exportCannotWrite(path: String, reason: Message)
    case exportTooManyRows(n: Int, limit: Int, sheet: String)
    case exportTooManyColumns(n: Int, limit: Int, sheet: String)
    case exportCellTooLong(sheet: String, cell: String, n: Int, limit: Int)
    case helpExportShorterOrCSV
    case exportZipFailed
    case exportSheetNotWorkbook(path: String)
    case helpExportSheetExample
    case exportSheetNameBad(name: String)
    case helpExportSheetName
    case exportSheetTwice(name: String, path: String)
    case helpExportSheetOtherName
    case exportedSheet(n: Int, path: String, sheet: String)
    case exportedWorkbook(path: String, sheets: [String])
    case exportWorkbookNotWritten(path: String)

    // MARK: the operating system's reasons (Message.system(errno:))
    case systemPermissionDenied
    case systemNoSpace
    case systemReadOnly
    case systemNoSuchFile
    case systemIsFolder
    case systemNotAFolder
    case systemOther(code: Int, description: String)

    // MARK: tokens
    case controlCharacter(code: String)
    case helpRemoveControlCharacter
    case parameterNameAfterDollar
    case unexpectedCharacterIn(word: String)
    case helpNameCharacters
    case unexpectedCharacter(character: String)
    case helpStraightQuotes
    case helpUseNot
    case helpUseAndOr
    case unterminatedText(quote: String)
    case helpCloseText(quote: String)
    case unterminatedQuotedName
    case invalidDate(text: String)
    case numberRunsIntoName(text: String)
    case helpPutSpace
    case scriptNotUTF8(byte: String)
    case helpResaveUTF8

    // MARK: statements and expressions
    case expected(what: Message, found: Message)
    case expectedAfter(what: Message, after: Message, found: Message)
    case foundEndOfInput
    case foundEndOfLine
    case foundText(text: String)
    case phraseClauseOrEnd
    case phraseClause
    case phraseValueFieldOrParen
    case phraseTableOrVariable
    case phraseTableOrVariableName
    case phraseVariableName
    case phraseSettingName
    case phraseColumnName
    case phraseFieldName
    case phraseValue
    case phraseQuery
    case phraseList
    case phraseListItem
    case phraseArgumentsOf(function: String)
    case phraseFileName
    case phraseSheetName
    case phraseParameterName
    case phraseTextInQuotes
    case phraseMessageInQuotes
    case phraseCommaInAssert
    case phraseValueInsideBraces
    case phraseDataFolder
    case labelUnclosed(symbol: String)
    case helpDidYouMean(word: String)
    case helpDidYouMeanEither(first: String, second: String)
    case helpWrite(text: String)
    case helpKeywordAsName(word: String)
    case helpKeywordInEnglish(word: String, keyword: String)
    case helpTableInEnglish(word: String, table: String)
    case helpTopN(n: String)
    case helpRepeatField(conjunction: String, field: String, op: String)
    case nestedTooDeeply(limit: Int)
    case chainTooLong(limit: Int)
    case helpSplitWithLet
    case cannotEndStatement(word: String)
    case helpChartExportEnd(word: String)
    case unknownClause(word: String)
    case commandAsVariable(name: String)
    case statementStartsWithTable(word: String)
    case helpStartWithTable(word: String)
    case helpExampleQuery
    case numberTooLarge(text: String)
    case integerTooLarge(text: String, largest: String)
    case listOnlyAfterIn
    case helpListExample
    case helpExportExample
    case helpParamNameExample
    case helpPrintValues
    case braceWithoutOpen
    case helpEscapeCloseBrace
    case braceNotClosed
    case helpCloseBrace
    case singleQuotesInside
    case helpSingleQuotesExample
    case emptyBraces
    case helpPutValueInBraces
    case helpCompareExample

    // MARK: names, types and values (Plan/: the check and the run)
    case unknownParameter(name: String)
    case helpDeclareParam(name: String)
    case durationNeedsInteger(type: DataType)
    case integerOverflow
    case integerOverflowIn(expr: String)
    case integerOverflowInFunction(function: String)
    case helpIntegerRange
    case cannotNegate(type: DataType)
    case relationIsRecord(name: String, table: String)
    case relationIsSet(name: String, table: String)
    case helpCountOrAggregate(name: String, field: String)
    /// "for example: …" before a piece of the language.
    case helpForExample(text: String)
    case noCurrentRow(name: String)
    case helpCountTable(name: String)
    case helpParameterDollar(name: String)
    case helpDidYouMeanTable(word: String)
    case helpValueHere
    case unknownField(name: String)
    case unknownFieldIn(name: String, table: String)
    case helpTableHas(table: String, names: [String])
    case helpIsTable(name: String)
    case dateOperatorDuration(op: String, text: String)
    case helpDurationAfter(left: String, op: String)
    case dateOutOfRange(expr: String)
    case cannotUseWith(op: String, left: DataType, right: DataType)
    case helpAddDuration(text: String)
    case operatorNeedsNumbers(op: String, text: String, type: DataType)
    case divisionByZero
    case unknownFunction(name: String)
    case helpFunctions(names: [String])
    case functionArity(function: String, n: Int, given: Int)
    case functionArityRange(function: String, low: Int, high: Int, given: Int)
    case functionNeedsType(function: String, type: DataType, text: String, actual: DataType)
    case functionConstantArgument(function: String, position: Int, name: String, low: Int, high: Int)
    case functionOneType(function: String, text: String, type: DataType)
    case aggregateOneArgument(function: String)
    case aggregateNeedsGroups(function: String)
    case cannotCountDuration
    case minMaxNeedsOrdered(function: String)
    case aggregateNeedsNumbers(function: String, text: String, type: DataType)
    case relationOnlyWhere
    case relationAggregateNeedsField(function: String)
    case notGroupKey(name: String)
    case helpAddToGroup(name: String)
    case relationQueryOnlyInCount(table: String)
    case queryValueRows(n: Int)
    case queryValueFields(n: Int)
    case helpEndWithCountOrOneRow
    case inListNeedsValues
    case conditionNotBoolean(type: DataType)
    case helpCompareIt(text: String)
    case cannotCompare(left: DataType, leftText: String, right: DataType, rightText: String, op: String)
    case helpCompareDates
    case helpDateNoQuotes(date: String)
    case helpDateForm
    case helpNumberNoQuotes(text: String)
    case helpQuoteText(field: String)
    case textOperatorNeedsText(op: String, text: String, type: DataType)
    case compareNeedsID
    case helpCompareByID
    case cannotGroupByDuration
    case cannotSortByDuration
    case scalarEndsStatement(label: String)
    case helpMoveToEnd(label: String, text: String)
    case unknownTableOrVariable(name: String)
    case helpTables(names: [String])
    case helpStartWithTableKeyword(word: String)
    case alreadyGrouped
    case helpOneGroupBy
    case durationNotShown
    case duplicateColumn(name: String)
    case helpNameWithAs(text: String)

    // MARK: data files (Data/)
    case fileUnreadable(reason: Message)
    case fileUnreadablePlain
    case fileIsFolder
    case fileIsFIFO
    case fileIsSocket
    case fileIsDevice
    case fileNotRegular
    case helpRegularFilesOnly
    case fileCannotMap(reason: Message)
    case fileChanged
    case helpFileChanged
    case dataFolderNameEmpty
    case helpGiveDataFolder
    case noSuchDataFolder
    case folderUnreadable(reason: Message)
    case helpFolderPermissions
    case fileUTF16
    case helpResaveCSVUTF8
    case fileBinary(byte: String)
    /// A NUL byte past the first 4 KiB of a text data file.
    case fileHasNUL(byte: String)
    case helpFileHasNUL
    case helpBinaryFile
    case csvEmpty
    case helpHeaderFirstLine
    case fileNotUTF8(byte: String)
    case cellNotUTF8(byte: String, column: String)
    case helpResaveUTF8Legacy
    case headerColumnNoName(column: Int)
    case headerNamedTwice(name: String, first: Int, second: Int)
    case headerSameMeaning(a: String, b: String, name: String, first: Int, second: Int)
    case csvTooManyFields(n: Int)
    case helpQuoteCommas
    case helpQuoteSemicolons
    case helpQuoteTabs
    case csvFieldCount(n: Int, header: Int)
    case helpOneValuePerColumn
    case csvQuoteInField
    case helpQuoteWholeField
    case csvQuoteNotClosed
    case helpCloseQuote
    case csvTextAfterQuote
    case helpAllInQuotes
    case cellNotInteger(text: String, column: String)
    case cellNotNumber(text: String, column: String)
    case cellNotDate(text: String, column: String)
    case helpDateCellForm
    case cellNotBoolean(text: String, column: String)
    case jsonInvalid(reason: Message)
    case jsonNotArray
    case jsonItemNotObject(n: String)
    case helpJSONItem
    case jsonKeyTwice(n: String, key: String)
    case jsonKeysSameMeaning(n: String, first: String, second: String, column: String)
    case helpKeepOne
    case jsonNestedValue(n: String, column: String)
    case jsonItem(n: String, message: Message)
    case jsonEmpty
    case helpJSONArray
    case jsonTrailingText
    case helpJSONOneArray
    case jsonEndsBeforeValue
    case jsonSingleQuotes
    case helpJSONDoubleQuotes
    case jsonExpectedValue
    case jsonTooDeep(limit: Int)
    case jsonArrayNotClosed
    case jsonExpectedCommaArray
    case helpJSONArrayCommas
    case jsonTrailingCommaArray
    case helpRemoveLastComma
    case jsonExpectedKey
    case helpJSONObject
    case jsonExpectedColon(key: String)
    case jsonObjectNotClosed
    case jsonExpectedCommaObject(key: String)
    case helpJSONObjectCommas
    case jsonTrailingCommaObject
    case jsonUnterminatedText
    case jsonControlCharacter(code: String)
    case helpJSONLineBreak
    case helpJSONEscapeControl
    case jsonNotUTF8(byte: String)
    case helpResaveFileUTF8
    case jsonUnknownEscape(escape: String)
    case helpJSONEscapes
    case jsonLoneSurrogate(code: String)
    case jsonUnicodeEscapeDigits
    case jsonNumberAfterMinus
    case jsonNumberLeadingZero
    case helpCodesAsText
    case jsonNumberAfterPoint
    case jsonNumberExponent
    case helpTextInDoubleQuotes
    case internalFailure(text: String)

    // MARK: load warnings (Data/LoadWarnings.swift, Certifications.swift)
    case warnDuplicateID(id: String, first: Message)
    case helpUniqueIDs
    case warnStarsNotRating(stars: String)
    case helpStarsRange
    case warnScoreOutsideBand(score: String, stars: String, band: String)
    case warnScoreOutsideLowestBand(score: String, stars: String)
    case helpScoreBands
    case warnExpiresBeforeCertified(expires: String, certified: String)
    case helpCheckSwappedDates
    case warnUnknownCategory(value: String)
    case warnUnknownCategoryRows(value: String, n: Int)
    case helpCategories(names: String)
    case warnDanglingKey(key: String, value: String, file: String)
    case helpAddOrCorrect(file: String, key: String)
    case warnUnknownStatus(text: String)
    case helpStatusWords
    case warnRatingMismatch(id: Message, here: Message, there: Message, place: Message)
    case warnRatingMismatchCertified(id: Message, here: Message, there: Message, place: Message, date: String)
    case ratingUnrated
    case rowNumbered(n: String)
    case helpLatestCertificationUsed
    case warningsMore(n: Int, kind: Message)
    case placeLine(line: String)
    case placeItem(n: String)
    case placeFileLine(file: String, line: String)
    case placeFileItem(file: String, n: String)
    case locatedItem(n: String, message: Message)
    case kindDuplicateID(n: Int)
    case kindScoreBand(n: Int)
    case kindStarsRange(n: Int)
    case kindDanglingProducer(n: Int)
    case kindDanglingProduct(n: Int)
    case kindExpiresBeforeCertified(n: Int)
    case kindUnknownCategory(n: Int)
    case kindUnknownStatus(n: Int)
    case kindRatingMismatch(n: Int)
    case kindUnmappedAddress(n: Int)
    case kindMisplacedCommune(n: Int)
    case kindAmbiguousUnit(n: Int)
    case kindDividedUnit(n: Int)
    case kindUnreadableCell(n: Int)
    case warningPart(n: Int, kind: Message)
    case warningPartError(n: Int, kind: Message)
    case loadWarnings(n: Int, parts: [Message])
    case helpListWarnings(n: Int)

    // MARK: the load summary
    case warningSummaryLine(place: String, summary: Message, hint: Message)
    case dataSample
    case noWarnings

    // MARK: describe, tutorial and chart
    case unknownTable(name: String)
    case tutorialBadArgument(n: Int)
    case chartNeedsLabelAndNumber
    case chartLastNotNumber(column: String)
    case helpChartEndWithNumber

    // MARK: the command line (Sources/ocop)
    case cliIsFolder(path: String)
    case helpCliOpenFolder(path: String)
    case cliUnknownCommand(word: String)
    case helpCliCommands
    case cliRunNeedsFile
    case cliRunOneFile(n: Int)
    case cliRunOrE
    case cliCompareAlone
    case helpCliCompareInScript
    case cliTodayNotDate(text: String)
    case helpCliTodayForm
    case cliFormatUnknown(text: String, formats: [String])
    case cliLangUnknown(text: String)
    /// A setting's option (`--max-rows`, `--date-style`) given a value the settings table refuses.
    case cliSettingBad(text: String, reason: Message)
    case helpCliSettingExample(example: String)
    case cliParamForm(text: String)
    case helpCliParamExample
    case cliScriptUnreadable(path: String)
    case helpCliCheckPermissions
    case helpCliNoSuchFile
    case cliParamNotDeclared(name: String, script: String)
    case helpCliParamDidYouMean(name: String)
    case helpCliDeclareParam
    case scriptStandardInput
    /// What a diagnostic names as its file when the text came from `-e`, a pipe or the REPL.
    case sourceCommandLine
    case sourceStandardInput
    case sourceREPL

    // MARK: type names (describe's type column)
    case typeNameInteger
    case typeNameDecimal
    case typeNameText
    case typeNameDate
    case typeNameBoolean
    case typeNameNull
    case typeNameDuration

    // MARK: running
    case cancelled

    // MARK: settings (Language/Settings.swift)
    case settingUnknown(name: String)
    case settingDidYouMean(name: String)
    case settingList(names: [String])
    case settingChoice(name: String, values: [String])
    case settingOnOff(name: String)
    case settingRows(name: String)
    case settingDate(name: String)
    case compareCannotLoad(folder: String, reason: Message)
    case compareDoesNotLoad(folder: String)
    /// A message with the place it is about: `products.csv:3:7: …`.
    case located(place: String, message: Message)

    // MARK: the 2025 administrative units (Units/, Data/Units.swift)
    case unitDivided(old: String, into: [String], chosen: String, n: Int)
    case unitAmbiguous(written: String, fits: [String], chosen: String, n: Int)
    case unitElsewhere(commune: String, district: String, foundIn: [String], n: Int)
    case unitUnknownCommune(commune: String, place: String, n: Int)
    case unitUnknownDistrict(district: String, province: String, n: Int)
    case unitUnknownProvince(province: String, n: Int)
    case helpUnitNearest(names: [String])
    case helpUnitDivided
    case helpUnitTypeWord
    case helpUnitCheckDistrict
    case helpUnitOldName
    case helpUnitOwnFile(commune: String)
    case noteProvinceMerged(province: String, others: [String], n: Int)
    case noteOldProvinceName(province: String, today: String, old: Int, n: Int)
    /// describe and warnings: rows whose new_commune is the table's choice, not the data's.
    case unitsUncertainRows(table: String, n: Int, parts: [Message])
    case uncertainDivided(n: Int)
    case uncertainTwoUnits(n: Int)
    // MARK: spreadsheets and data files (issue 15)
    case noSuchDataPath
    case helpGiveListOrFolder
    case dataFileKind(ext: String)
    case helpSaveAsXLSX
    case notProductsFile
    case helpProductsHeader
    case severalProductsFiles(files: [String])
    case helpChooseFile(path: String)
    case noProductsList
    case helpNoDataFiles
    case helpNoProductsHeader(files: [String])
    case noSheet(name: String)
    case helpSheets(names: [String])
    case severalProductsSheets(sheets: [String])
    case helpChooseSheet(name: String)
    case noProductsSheet
    case noSheets
    case sheetNamed(name: String)
    case noHeaderRow
    case xlsxNotZip
    case encodingUnknown(byte: String, candidates: [String])
    case encodingUTF16Unclear(candidates: [String])
    case helpSaveAsUTF8
    case loadEncoding(encoding: String)
    case helpResaveXLSX
    case xlsxNoWorkbook(part: String)
    case helpOldFormats
    case xlsxDamaged(part: String)
    case xlsxTooLarge(part: String)
    case xlsxNotXML(part: String, byte: Int, reason: Message)
    /// Why a part is not well-formed XML (XMLScanner.Malformed).
    case xmlTagNotClosed
    case xmlClosingTagNotClosed
    case xmlNoTagName
    case xmlMarkupNotClosed
    case xlsxSheetMissing(name: String, part: String)
    case cellLeftEmpty(sheet: String, cell: String, header: String)
    case columnLeftEmpty(column: Int, header: String)
    case strictDoubtful(n: Int)
    case helpStrict
    case warnProducerNotListed(name: String, place: Message)
    case helpAddProducer(place: Message)
    case kindUnlistedProducer(n: Int)
    case placeFile(file: String)
    case placeSheetRow(sheet: String, row: Int)
    case warnDanglingKeySheet(key: String, value: String, sheet: String)
    case helpAddOrCorrectIn(place: Message, key: String)
}

extension Message {
    /// The reason behind a failed system call, by its errno.
    public static func system(errno code: Int32) -> Message {
        switch code {
        case EACCES, EPERM: return .systemPermissionDenied
        case ENOSPC: return .systemNoSpace
        case EROFS: return .systemReadOnly
        case ENOENT: return .systemNoSuchFile
        case EISDIR: return .systemIsFolder
        case ENOTDIR: return .systemNotAFolder
        default: return .systemOther(code: Int(code), description: String(cString: strerror(code)))
        }
    }
}

extension DataType {
    /// The type's name as `describe` shows it (`integer`, `số nguyên`).
    public var name: Message {
        switch self {
        case .integer: return .typeNameInteger
        case .decimal: return .typeNameDecimal
        case .text: return .typeNameText
        case .date: return .typeNameDate
        case .boolean: return .typeNameBoolean
        case .null: return .typeNameNull
        case .duration: return .typeNameDuration
        }
    }

    /// The type as a phrase inside a message ("a whole number").
    public var message: Message {
        switch self {
        case .integer: return .typeInteger
        case .decimal: return .typeDecimal
        case .text: return .typeText
        case .date: return .typeDate
        case .boolean: return .typeBoolean
        case .null: return .typeNull
        case .duration: return .typeDuration
        }
    }
}
