import Foundation
import Testing
@testable import OCOPKit

/// Issue 7 on the command line: `--compare`, and the one-line load summary on stderr.
@Suite("Domain: command line")
struct DomainCLITests {
    let cli = CLITests()

    @Test("ocop --data A --compare B prints the changes, in every format")
    func compare() throws {
        let r = try cli.ocop(["--data", "Examples/lists/2026-10", "--compare", "Examples/lists/2026-11"])
        #expect(r.exit == 0 && r.err == "", "\(r)")
        #expect(r.out.contains("│ downgraded │ BK005 │ Rượu men lá Bằng Phúc            │ 4★ 84 (2022-09-09)  │ 3★ 68 (2026-10-30)    │"))
        #expect(r.out.hasSuffix("9 rows\n"))
        let csv = try cli.ocop(["--data", "Examples/lists/2026-10", "--compare", "Examples/lists/2026-11", "--format", "csv"])
        #expect(csv.out.split(separator: "\n").first == "change,id,name,before,after")
        let json = try cli.ocop(["--data", "Examples/lists/2026-10", "--compare", "Examples/lists/2026-11", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        #expect(rows?.count == 9)
        let md = try cli.ocop(["--data", "Examples/lists/2026-10", "--compare", "Examples/lists/2026-11", "--format", "markdown"])
        #expect(md.out.hasPrefix("| change | id | name | before | after |\n|---|---|---|---|---|\n"))
    }

    @Test("--compare with a folder that does not load exits 2; with -e it is a usage error")
    func compareErrors() throws {
        let missing = try cli.ocop(["--data", "Examples/lists/2026-10", "--compare", "no/such"])
        #expect(missing.exit == 2)
        #expect(missing.err.contains("no/such: error: no such data folder"))
        let both = try cli.ocop(["--compare", "Examples/lists/2026-11", "-e", "products count"])
        #expect(both.exit == 2)
    }

    @Test("load problems: one line on stderr, listed by warnings; the answer still comes")
    func summary() throws {
        let dir = "Tests/OCOPKitTests/Fixtures/domain/warnings"
        let r = try cli.ocop(["--data", dir, "-e", "products count"])
        #expect(r.exit == 0)
        #expect(r.out == "5\n")
        #expect(r.err == "\(dir): 9 warnings in the data: 1 duplicate id (error), 1 score outside its star's band, 1 unknown producer_id, 1 certification of an unknown product, 1 expiry before certification, 1 unknown category, 1 unknown status, 1 rating that disagrees with certifications, 1 address without a new unit; type warnings to list them\n")
        let list = try cli.ocop(["--data", dir, "-e", "warnings"])
        #expect(list.out.contains("\(dir)/products.csv:5: error: duplicate id 'SP02', first on line 3\n"))
        // the sample loads cleanly: nothing on stderr
        #expect(try cli.ocop(["-e", "products count"]).err == "")
    }
}
