import Foundation

// libFuzzer's entry point for the harnesses in Tests/OCOPKitTests/FuzzTargets.swift; Tools/fuzz.sh
// builds this file with them and the OCOPKit sources (-sanitize=fuzzer,address).

/// OCOP_FUZZ_TARGET (parse, csv, json, statement) picks the harness.
let fuzzTarget: FuzzTargets.Target = {
    let name = ProcessInfo.processInfo.environment["OCOP_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.Target(rawValue: name) else {
        fatalError("set OCOP_FUZZ_TARGET to one of: \(FuzzTargets.Target.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargets.run(fuzzTarget, bytes)
    return 0
}
