/// The guided course: `tutorial [N | list | off | reset]`, and inside it `hint`, `next`,
/// `skip`. Every query typed while it runs is checked against the lesson's model answer by
/// its result (ResultCheck).
extension Session {
    /// `tutorial …`, `hint`, `next`, `skip`.
    func tutorialCommand(_ arg: String?, _ s: Statement, _ source: Source) throws(Diagnostic) {
        let lang = options.lang
        let word = arg?.trimmingSpaces.lowercased() ?? ""
        let store = TutorialStore(path: tutorialStatePath)
        switch word {
        case "", "start", "resume":
            let run = tutorial ?? TutorialRun(store.load())
            if run.index >= Lesson.all.count { run.progress.lesson = 0 }
            tutorial = run
            emit(Msg.text("tutorial.intro", lang, String(Lesson.all.count)) + "\n")
            if dataset.folder != nil { emit(Msg.text("tutorial.notSample", lang) + "\n") }
            if run.index > 0 { emit(Msg.text("tutorial.resume", lang, String(run.index + 1)) + "\n") }
            showLesson()
        case "off", "stop", "quit", "exit":
            guard let run = tutorial else { emit(Msg.text("tutorial.notRunning", lang) + "\n"); return }
            save(run)
            tutorial = nil
            emit(Msg.text("tutorial.off", lang, String(run.index + 1)) + "\n")
        case "list":
            let passed = Set((tutorial?.progress ?? store.load()).passed)
            for l in Lesson.all {
                emit("\(passed.contains(l.number) ? "✓" : " ") \(l.number). \(Msg.text(l.title, lang))\n")
            }
        case "reset":
            let run = TutorialRun(TutorialStore.Progress())
            save(run)
            tutorial = run
            showLesson()
        case "hint":
            guard let run = tutorial, let l = run.lesson else { return notRunning(word, s, source) }
            run.hints += 1
            emit(run.hints == 1 ? Msg.text("tutorial.hintLine", lang, Msg.text(l.hint, lang)) + "\n"
                                    : Msg.text("tutorial.answerLine", lang, l.model) + "\n")
        case "next", "skip":
            guard let run = tutorial else { return notRunning(word, s, source) }
            advance(run, to: run.index + 1)
        default:
            guard let n = Int(word), (1...Lesson.all.count).contains(n) else {
                throw Diagnostic(.type, .tutorialBadArgument(n: Lesson.all.count), at: s.range, in: source)
            }
            if tutorial == nil { emit(Msg.text("tutorial.intro", lang, String(Lesson.all.count)) + "\n") }
            let run = tutorial ?? TutorialRun(store.load())
            tutorial = run
            advance(run, to: n - 1)
        }
    }

    /// `hint`, `next` or `skip` outside a tutorial: a variable of that name, else a word on
    /// how to start one.
    func notRunning(_ word: String, _ s: Statement, _ source: Source) {
        if let f = env.variables[word] { show(.rows(f)); return }
        emit(Msg.text("tutorial.notRunning", options.lang) + "\n")
    }

    /// Moves to lesson `index` (zero-based; past the last one: the end), saves, shows it.
    func advance(_ run: TutorialRun, to index: Int) {
        run.progress.lesson = index
        run.hints = 0
        save(run)
        showLesson()
    }

    /// The current lesson's title and task, or the closing words after the last one.
    func showLesson() {
        let lang = options.lang
        guard let run = tutorial else { return }
        guard let l = run.lesson else {
            emit(Msg.text("tutorial.finished", lang, String(run.progress.passed.count), String(Lesson.all.count)) + "\n")
            tutorial = nil
            return
        }
        emit("\n" + Msg.text("tutorial.lessonHeader", lang, String(l.number), String(Lesson.all.count), Msg.text(l.title, lang)) + "\n")
        emit(Msg.text(l.task, lang) + "\n")
    }

    func save(_ run: TutorialRun) {
        guard let warning = TutorialStore(path: tutorialStatePath).save(run.progress, lang: options.lang), !run.warnedSave else { return }
        run.warnedSave = true
        sink.err(Msg.text("tutorial.saveWarning", options.lang, warning) + "\n")
    }

    /// After a query (or an export) ran while a tutorial is on: compare its result with the
    /// lesson's model answer and say what is right or wrong.
    func checkTutorialAnswer(_ result: Executor.Result, exported: Bool) {
        guard let run = tutorial, let l = run.lesson else { return }
        let lang = options.lang
        let notes = env.notes  // the answer's own notes ("0 rows. … did you mean …") stay
        defer { env.notes = notes }
        let source = Source(name: "<tutorial>", text: l.model)
        let expected: Executor.Result
        do {
            guard let s = try Parser.parse(source).first, case .query(let q) = s.kind else { return }
            expected = try Executor(env: env, source: source).run(q)
        } catch {
            return
        }
        if let problems = ResultCheck.problems(lesson: l, expected: expected, actual: result, exported: exported, lang: lang) {
            emit(Msg.text("tutorial.notYet", lang) + " " + problems.joined(separator: " ") + "\n")
            emit(Msg.text("tutorial.tryAgain", lang) + "\n")
            return
        }
        emit(Msg.text("tutorial.right", lang) + " " + Msg.text(l.learned, lang) + "\n")
        if !run.progress.passed.contains(l.number) { run.progress.passed.append(l.number) }
        advance(run, to: run.index + 1)
    }
}
