/// A tutorial in progress: the lesson being worked on, what was passed, how many hints were
/// asked for, and whether a save already failed (warned once).
final class TutorialRun {
    var progress: TutorialStore.Progress
    var hints = 0
    var warnedSave = false

    init(_ progress: TutorialStore.Progress) {
        self.progress = progress
    }

    var index: Int { progress.lesson }
    var lesson: Lesson? { Lesson.all.indices.contains(index) ? Lesson.all[index] : nil }
}
