import Foundation
import Testing
@testable import OCOPKit

/// The tutorial driven by scripted input, one line at a time as the REPL sends it: every
/// model answer passes, a typical wrong answer gets its specific explanation, progress is
/// kept in the state file, and piped input works as a script.
@Suite("Tutorial")
struct TutorialTests {
    nonisolated(unsafe) static let dataset = Loader.sample()

    /// A session with its own state file (removed by the caller through `dir`).
    static func session(_ sink: StringSink, state: String, lang: Lang = .en) -> Session {
        var o = SessionOptions(today: Support.today)
        o.lang = lang
        let s = Session(dataset: dataset, options: o, sink: sink)
        s.tutorialStatePath = state
        return s
    }

    static func tempDir() -> String {
        let dir = NSTemporaryDirectory() + "ocop-tutorial-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Model answers with exports sent to `dir`.
    static func answer(_ l: Lesson, _ dir: String) -> String {
        l.export ? l.model + " export \"\(dir)/ket-qua.csv\" overwrite" : l.model
    }

    @Test("there are at least 10 lessons, each with title, task, hint and what it taught, in both languages")
    func lessonsAreComplete() {
        #expect(Lesson.all.count >= 10)
        for l in Lesson.all {
            for id in [l.title, l.task, l.hint, l.learned] {
                #expect(Msg.english[id] != nil, "\(id)")
                #expect(Msg.vietnamese[id] != nil, "\(id)")
            }
        }
    }

    @Test("each lesson's model answer passes and moves to the next lesson", arguments: Lesson.all.map(\.number))
    func modelAnswerPasses(_ n: Int) {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sink = StringSink()
        let s = Self.session(sink, state: dir + "/state.json")
        #expect(s.run("tutorial \(n)") == .ok)
        let l = Lesson.all[n - 1]
        #expect(sink.output.contains("Lesson \(n)/\(Lesson.all.count)"))
        #expect(s.run(Self.answer(l, dir), name: "<repl>") == .ok, "\(sink.errors)")
        #expect(sink.output.contains("✓ Right."), "lesson \(n): \(sink.output)")
        #expect(!sink.output.contains("✗"), "lesson \(n): \(sink.output)")
        if n < Lesson.all.count {
            #expect(sink.output.contains("Lesson \(n + 1)/"))
        } else {
            #expect(sink.output.contains("You have finished the tutorial"))
        }
        #expect(TutorialStore(path: dir + "/state.json").load().passed.contains(n))
    }

    /// A typical wrong answer per lesson and the words its explanation must contain.
    static let wrongAnswers: [(Int, String, String)] = [
        (1, "products", "end the statement with count"),
        (2, "products where stars >= 4 count", "larger than the answer"),
        (3, "products where province = \"Bắc Kạn\"", "too many rows: you have 84, the answer has 28"),
        (4, "products where name = \"nghe\"", "too few rows: you have 0"),
        (5, "products where stars = 5", "extra columns"),
        (5, "products where stars = 5 select name, stars", "a column is missing: producer.name"),
        (6, "products sort by score limit 5 select name, score", "not the same ones"),
        (6, "products where score >= 87 select name, score", "in the wrong order"),
        (7, "products where expires_on <= today + 90 days count", "larger than the answer"),
        (8, "products group by category count", "too few rows: you have 6, the answer has 9"),
        (9, "products group by category select category, avg(score) as avg_score", "in the wrong order"),
        (10, "products group by province select province, count() as n", "too many rows"),
        (11, "products where stars >= 4 group by category select category, count() as n where n >= 5 sort by n desc", "export"),
    ]

    @Test("a typical wrong answer gets its specific explanation", arguments: wrongAnswers.indices)
    func wrongAnswerExplained(_ i: Int) {
        let (n, input, words) = Self.wrongAnswers[i]
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sink = StringSink()
        let s = Self.session(sink, state: dir + "/state.json")
        s.run("tutorial \(n)")
        s.run(input, name: "<repl>")
        #expect(sink.output.contains("✗ Not yet:"), "\(input): \(sink.output)")
        #expect(sink.output.contains(words), "\(input): \(sink.output)")
        #expect(!sink.output.contains("✓"), "\(input)")
        #expect(TutorialStore(path: dir + "/state.json").load().lesson == n - 1)
    }

    @Test("hint, then the answer; next and skip move on; progress survives a new session")
    func hintsAndProgress() {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = dir + "/state.json"
        let sink = StringSink()
        let s = Self.session(sink, state: state)
        for line in ["tutorial", "hint", "hint", "products count", "skip", "next"] { s.run(line, name: "<repl>") }
        #expect(sink.output.contains("Hint: add count"))
        #expect(sink.output.contains("One answer: products count"))
        #expect(sink.output.contains("Lesson 4/"))
        #expect(TutorialStore(path: state).load() == TutorialStore.Progress(lesson: 3, passed: [1]))
        // a new session resumes at lesson 4
        let again = StringSink()
        Self.session(again, state: state).run("tutorial")
        #expect(again.output.contains("resuming at lesson 4"))
        #expect(again.output.contains("Lesson 4/"))
        let list = StringSink()
        Self.session(list, state: state).run("tutorial list")
        #expect(list.output.contains("✓ 1. Count the products"))
    }

    @Test("an unwritable state file warns and the lesson goes on")
    func unwritableState() {
        let sink = StringSink()
        let s = Self.session(sink, state: "/nonexistent-folder/ocop/state.json")
        #expect(s.run("tutorial 1") == .ok)
        #expect(s.run("products count", name: "<repl>") == .ok)
        #expect(sink.output.contains("✓ Right."))
        #expect(sink.errors.contains("warning: cannot save tutorial progress"))
        #expect(sink.errors.components(separatedBy: "warning:").count == 2, "warned once")
    }

    @Test("OCOP_TUTORIAL_STATE overrides the path; otherwise a file under HOME")
    func statePath() {
        #expect(TutorialStore.defaultPath(environment: ["OCOP_TUTORIAL_STATE": "/tmp/x.json", "HOME": "/home/a"]) == "/tmp/x.json")
        #expect(TutorialStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.ocop_tutorial.json")
        #expect(TutorialStore.defaultPath(environment: [:]) == nil)
    }

    @Test("piped input: the whole course as one script passes every lesson")
    func pipedScript() {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sink = StringSink()
        let s = Self.session(sink, state: dir + "/state.json")
        let script = (["tutorial 1"] + Lesson.all.map { Self.answer($0, dir) }).joined(separator: "\n")
        #expect(s.run(script, name: "<stdin>") == .ok, "\(sink.errors)")
        #expect(sink.output.components(separatedBy: "✓ Right.").count == Lesson.all.count + 1)
        #expect(sink.output.contains("You have finished the tutorial (\(Lesson.all.count) of \(Lesson.all.count)"))
    }

    @Test("hint, next and skip stay names outside a tutorial and inside an expression")
    func wordsStayNames() {
        let sink = StringSink()
        let s = Self.session(sink, state: Self.tempDir() + "/s.json")
        #expect(s.run("let next = products where stars = 5\nnext count") == .ok)
        #expect(sink.output.contains("6"))
        #expect(s.run("next") == .ok)
        #expect(sink.output.contains("6 rows"))
    }
}
