extension Message {
    /// The message's code: which catalogue entry renders it.
    public var id: ID {
        switch self {
        case .labelError: .labelError
        case .labelWarning: .labelWarning
        case .labelNote: .labelNote
        case .labelHint: .labelHint
        case .seeHelp: .seeHelp
        case .typeInteger: .typeInteger
        case .typeDecimal: .typeDecimal
        case .typeText: .typeText
        case .typeDate: .typeDate
        case .typeBoolean: .typeBoolean
        case .typeNull: .typeNull
        case .typeDuration: .typeDuration
        case .quoted: .quoted
        case .either: .either
        case .verbatim: .verbatim
        case .unconverted: .unconverted
        case .rowCount: .rowCount
        case .letConfirm: .letConfirm
        case .paramConfirm: .paramConfirm
        case .paramConfirmFromCommandLine: .paramConfirmFromCommandLine
        case .paramConfirmGiven: .paramConfirmGiven
        case .exported: .exported
        case .timing: .timing
        case .timingStatement: .timingStatement
        case .timingLoad: .timingLoad
        case .moreRowsREPL: .moreRowsREPL
        case .moreRowsCommandLine: .moreRowsCommandLine
        case .rowsShown: .rowsShown
        case .columnsHidden: .columnsHidden
        case .settingDisplay: .settingDisplay
        case .configBadLine: .configBadLine
        case .configNotASetting: .configNotASetting
        case .configNotKept: .configNotKept
        case .configNotText: .configNotText
        case .configSaved: .configSaved
        case .configCannotSave: .configCannotSave
        case .noteNoValue: .noteNoValue
        case .noteNoValueMeant: .noteNoValueMeant
        case .noteCandidate: .noteCandidate
        case .noteCandidateRows: .noteCandidateRows
        case .noteRange: .noteRange
        case .noteNullCompared: .noteNullCompared
        case .noteCompareWarnings: .noteCompareWarnings
        case .letIsTable: .letIsTable
        case .letScalar: .letScalar
        case .helpDropFinalCount: .helpDropFinalCount
        case .parameterNoValue: .parameterNoValue
        case .helpParamOnCommandLine: .helpParamOnCommandLine
        case .helpParamDefault: .helpParamDefault
        case .parameterIsDuration: .parameterIsDuration
        case .helpParamExample: .helpParamExample
        case .paramNotType: .paramNotType
        case .helpParamDefaultType: .helpParamDefaultType
        case .printQueryColumns: .printQueryColumns
        case .helpEndWithCountOrOneField: .helpEndWithCountOrOneField
        case .printDuration: .printDuration
        case .helpPrintDuration: .helpPrintDuration
        case .assertNeedsCondition: .assertNeedsCondition
        case .helpAssertCompareCount: .helpAssertCompareCount
        case .assertValues: .assertValues
        case .assertUnknown: .assertUnknown
        case .assertFailed: .assertFailed
        case .assertMessage: .assertMessage
        case .chartNeedsRows: .chartNeedsRows
        case .helpChartGroupFirst: .helpChartGroupFirst
        case .exportFormatUnknown: .exportFormatUnknown
        case .helpExportExtensions: .helpExportExtensions
        case .exportInsideDataFolder: .exportInsideDataFolder
        case .helpExportElsewhere: .helpExportElsewhere
        case .exportNoFolder: .exportNoFolder
        case .helpExportCreateFolder: .helpExportCreateFolder
        case .exportTargetIsFolder: .exportTargetIsFolder
        case .exportExists: .exportExists
        case .helpExportOverwrite: .helpExportOverwrite
        case .exportReadOnly: .exportReadOnly
        case .helpExportReadOnly: .helpExportReadOnly
        case .exportCannotWriteIn: .exportCannotWriteIn
        case .exportCannotWrite: .exportCannotWrite
        case .systemPermissionDenied: .systemPermissionDenied
        case .systemNoSpace: .systemNoSpace
        case .systemReadOnly: .systemReadOnly
        case .systemNoSuchFile: .systemNoSuchFile
        case .systemIsFolder: .systemIsFolder
        case .systemOther: .systemOther
        case .controlCharacter: .controlCharacter
        case .helpRemoveControlCharacter: .helpRemoveControlCharacter
        case .parameterNameAfterDollar: .parameterNameAfterDollar
        case .unexpectedCharacterIn: .unexpectedCharacterIn
        case .helpNameCharacters: .helpNameCharacters
        case .unexpectedCharacter: .unexpectedCharacter
        case .helpStraightQuotes: .helpStraightQuotes
        case .helpUseNot: .helpUseNot
        case .helpUseAndOr: .helpUseAndOr
        case .unterminatedText: .unterminatedText
        case .helpCloseText: .helpCloseText
        case .unterminatedQuotedName: .unterminatedQuotedName
        case .invalidDate: .invalidDate
        case .numberRunsIntoName: .numberRunsIntoName
        case .helpPutSpace: .helpPutSpace
        case .scriptNotUTF8: .scriptNotUTF8
        case .helpResaveUTF8: .helpResaveUTF8
        case .expected: .expected
        case .expectedAfter: .expectedAfter
        case .foundEndOfInput: .foundEndOfInput
        case .foundEndOfLine: .foundEndOfLine
        case .foundText: .foundText
        case .phraseClauseOrEnd: .phraseClauseOrEnd
        case .phraseClause: .phraseClause
        case .phraseValueFieldOrParen: .phraseValueFieldOrParen
        case .phraseTableOrVariable: .phraseTableOrVariable
        case .phraseTableOrVariableName: .phraseTableOrVariableName
        case .phraseVariableName: .phraseVariableName
        case .phraseSettingName: .phraseSettingName
        case .phraseColumnName: .phraseColumnName
        case .phraseFieldName: .phraseFieldName
        case .phraseValue: .phraseValue
        case .phraseQuery: .phraseQuery
        case .phraseList: .phraseList
        case .phraseListItem: .phraseListItem
        case .phraseArgumentsOf: .phraseArgumentsOf
        case .phraseFileName: .phraseFileName
        case .phraseParameterName: .phraseParameterName
        case .phraseTextInQuotes: .phraseTextInQuotes
        case .phraseMessageInQuotes: .phraseMessageInQuotes
        case .phraseCommaInAssert: .phraseCommaInAssert
        case .phraseValueInsideBraces: .phraseValueInsideBraces
        case .phraseDataFolder: .phraseDataFolder
        case .labelUnclosed: .labelUnclosed
        case .helpDidYouMean: .helpDidYouMean
        case .helpDidYouMeanEither: .helpDidYouMeanEither
        case .helpWrite: .helpWrite
        case .helpKeywordAsName: .helpKeywordAsName
        case .helpKeywordInEnglish: .helpKeywordInEnglish
        case .helpTableInEnglish: .helpTableInEnglish
        case .helpTopN: .helpTopN
        case .helpRepeatField: .helpRepeatField
        case .nestedTooDeeply: .nestedTooDeeply
        case .helpSplitWithLet: .helpSplitWithLet
        case .cannotEndStatement: .cannotEndStatement
        case .helpChartExportEnd: .helpChartExportEnd
        case .unknownClause: .unknownClause
        case .commandAsVariable: .commandAsVariable
        case .statementStartsWithTable: .statementStartsWithTable
        case .helpStartWithTable: .helpStartWithTable
        case .helpExampleQuery: .helpExampleQuery
        case .numberTooLarge: .numberTooLarge
        case .integerTooLarge: .integerTooLarge
        case .listOnlyAfterIn: .listOnlyAfterIn
        case .helpListExample: .helpListExample
        case .helpExportExample: .helpExportExample
        case .helpParamNameExample: .helpParamNameExample
        case .helpPrintValues: .helpPrintValues
        case .braceWithoutOpen: .braceWithoutOpen
        case .helpEscapeCloseBrace: .helpEscapeCloseBrace
        case .braceNotClosed: .braceNotClosed
        case .helpCloseBrace: .helpCloseBrace
        case .singleQuotesInside: .singleQuotesInside
        case .helpSingleQuotesExample: .helpSingleQuotesExample
        case .emptyBraces: .emptyBraces
        case .helpPutValueInBraces: .helpPutValueInBraces
        case .helpCompareExample: .helpCompareExample
        case .cancelled: .cancelled
        case .settingUnknown: .settingUnknown
        case .settingDidYouMean: .settingDidYouMean
        case .settingList: .settingList
        case .settingChoice: .settingChoice
        case .settingOnOff: .settingOnOff
        case .settingRows: .settingRows
        case .settingDate: .settingDate
        case .compareCannotLoad: .compareCannotLoad
        case .compareDoesNotLoad: .compareDoesNotLoad
        case .located: .located
        case .unitDivided: .unitDivided
        case .unitAmbiguous: .unitAmbiguous
        case .unitElsewhere: .unitElsewhere
        case .unitUnknownCommune: .unitUnknownCommune
        case .unitUnknownDistrict: .unitUnknownDistrict
        case .unitUnknownProvince: .unitUnknownProvince
        case .helpUnitNearest: .helpUnitNearest
        case .helpUnitDivided: .helpUnitDivided
        case .helpUnitTypeWord: .helpUnitTypeWord
        case .helpUnitCheckDistrict: .helpUnitCheckDistrict
        case .helpUnitOldName: .helpUnitOldName
        case .noteProvinceMerged: .noteProvinceMerged
        case .noteOldProvinceName: .noteOldProvinceName
        case .noSuchDataPath: .noSuchDataPath
        case .helpGiveListOrFolder: .helpGiveListOrFolder
        case .dataFileKind: .dataFileKind
        case .helpSaveAsXLSX: .helpSaveAsXLSX
        case .notProductsFile: .notProductsFile
        case .helpProductsHeader: .helpProductsHeader
        case .severalProductsFiles: .severalProductsFiles
        case .helpChooseFile: .helpChooseFile
        case .noProductsList: .noProductsList
        case .helpNoDataFiles: .helpNoDataFiles
        case .helpNoProductsHeader: .helpNoProductsHeader
        case .noSheet: .noSheet
        case .helpSheets: .helpSheets
        case .severalProductsSheets: .severalProductsSheets
        case .helpChooseSheet: .helpChooseSheet
        case .noProductsSheet: .noProductsSheet
        case .noSheets: .noSheets
        case .sheetNamed: .sheetNamed
        case .noHeaderRow: .noHeaderRow
        case .xlsxNotZip: .xlsxNotZip
        case .helpResaveXLSX: .helpResaveXLSX
        case .xlsxNoWorkbook: .xlsxNoWorkbook
        case .helpOldFormats: .helpOldFormats
        case .xlsxDamaged: .xlsxDamaged
        case .xlsxTooLarge: .xlsxTooLarge
        case .xlsxNotXML: .xlsxNotXML
        case .xlsxSheetMissing: .xlsxSheetMissing
        case .cellLeftEmpty: .cellLeftEmpty
        case .columnLeftEmpty: .columnLeftEmpty
        case .strictDoubtful: .strictDoubtful
        case .helpStrict: .helpStrict
        }
    }

    /// The codes, one per case of `Message` (the catalogue tests iterate them). The raw
    /// value is the case name.
    public enum ID: String, CaseIterable, Sendable {
        case labelError
        case labelWarning
        case labelNote
        case labelHint
        case seeHelp
        case typeInteger
        case typeDecimal
        case typeText
        case typeDate
        case typeBoolean
        case typeNull
        case typeDuration
        case quoted
        case either
        case verbatim
        case unconverted
        case rowCount
        case letConfirm
        case paramConfirm
        case paramConfirmFromCommandLine
        case paramConfirmGiven
        case exported
        case timing
        case timingStatement
        case timingLoad
        case moreRowsREPL
        case moreRowsCommandLine
        case rowsShown
        case columnsHidden
        case settingDisplay
        case configBadLine
        case configNotASetting
        case configNotKept
        case configNotText
        case configSaved
        case configCannotSave
        case noteNoValue
        case noteNoValueMeant
        case noteCandidate
        case noteCandidateRows
        case noteRange
        case noteNullCompared
        case noteCompareWarnings
        case letIsTable
        case letScalar
        case helpDropFinalCount
        case parameterNoValue
        case helpParamOnCommandLine
        case helpParamDefault
        case parameterIsDuration
        case helpParamExample
        case paramNotType
        case helpParamDefaultType
        case printQueryColumns
        case helpEndWithCountOrOneField
        case printDuration
        case helpPrintDuration
        case assertNeedsCondition
        case helpAssertCompareCount
        case assertValues
        case assertUnknown
        case assertFailed
        case assertMessage
        case chartNeedsRows
        case helpChartGroupFirst
        case exportFormatUnknown
        case helpExportExtensions
        case exportInsideDataFolder
        case helpExportElsewhere
        case exportNoFolder
        case helpExportCreateFolder
        case exportTargetIsFolder
        case exportExists
        case helpExportOverwrite
        case exportReadOnly
        case helpExportReadOnly
        case exportCannotWriteIn
        case exportCannotWrite
        case systemPermissionDenied
        case systemNoSpace
        case systemReadOnly
        case systemNoSuchFile
        case systemIsFolder
        case systemOther
        case controlCharacter
        case helpRemoveControlCharacter
        case parameterNameAfterDollar
        case unexpectedCharacterIn
        case helpNameCharacters
        case unexpectedCharacter
        case helpStraightQuotes
        case helpUseNot
        case helpUseAndOr
        case unterminatedText
        case helpCloseText
        case unterminatedQuotedName
        case invalidDate
        case numberRunsIntoName
        case helpPutSpace
        case scriptNotUTF8
        case helpResaveUTF8
        case expected
        case expectedAfter
        case foundEndOfInput
        case foundEndOfLine
        case foundText
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
        case phraseArgumentsOf
        case phraseFileName
        case phraseParameterName
        case phraseTextInQuotes
        case phraseMessageInQuotes
        case phraseCommaInAssert
        case phraseValueInsideBraces
        case phraseDataFolder
        case labelUnclosed
        case helpDidYouMean
        case helpDidYouMeanEither
        case helpWrite
        case helpKeywordAsName
        case helpKeywordInEnglish
        case helpTableInEnglish
        case helpTopN
        case helpRepeatField
        case nestedTooDeeply
        case helpSplitWithLet
        case cannotEndStatement
        case helpChartExportEnd
        case unknownClause
        case commandAsVariable
        case statementStartsWithTable
        case helpStartWithTable
        case helpExampleQuery
        case numberTooLarge
        case integerTooLarge
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
        case cancelled
        case settingUnknown
        case settingDidYouMean
        case settingList
        case settingChoice
        case settingOnOff
        case settingRows
        case settingDate
        case compareCannotLoad
        case compareDoesNotLoad
        case located
        case unitDivided
        case unitAmbiguous
        case unitElsewhere
        case unitUnknownCommune
        case unitUnknownDistrict
        case unitUnknownProvince
        case helpUnitNearest
        case helpUnitDivided
        case helpUnitTypeWord
        case helpUnitCheckDistrict
        case helpUnitOldName
        case noteProvinceMerged
        case noteOldProvinceName
        case noSuchDataPath
        case helpGiveListOrFolder
        case dataFileKind
        case helpSaveAsXLSX
        case notProductsFile
        case helpProductsHeader
        case severalProductsFiles
        case helpChooseFile
        case noProductsList
        case helpNoDataFiles
        case helpNoProductsHeader
        case noSheet
        case helpSheets
        case severalProductsSheets
        case helpChooseSheet
        case noProductsSheet
        case noSheets
        case sheetNamed
        case noHeaderRow
        case xlsxNotZip
        case helpResaveXLSX
        case xlsxNoWorkbook
        case helpOldFormats
        case xlsxDamaged
        case xlsxTooLarge
        case xlsxNotXML
        case xlsxSheetMissing
        case cellLeftEmpty
        case columnLeftEmpty
        case strictDoubtful
        case helpStrict
    }
}
