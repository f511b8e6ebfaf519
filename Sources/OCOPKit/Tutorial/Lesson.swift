/// One lesson of the tutorial: a task in plain words (Messages: `tutorial.N.title`,
/// `tutorial.N.task`, `tutorial.N.hint`, `tutorial.N.learned`), the model answer whose RESULT
/// an answer must match, and how strictly.
struct Lesson {
    /// 1-based, as the user sees it.
    let number: Int
    /// A statement that gives the expected result on the sample.
    let model: String
    /// Row order matters (the task says "highest first", "sorted").
    var ordered = false
    /// Only these columns of the model must appear (by their values); others may be added.
    /// Nil: exactly the model's columns.
    var mustShow: [String]? = nil
    /// The answer must end with export "….csv".
    var export = false

    var title: String { "tutorial.\(number).title" }
    var task: String { "tutorial.\(number).task" }
    var hint: String { "tutorial.\(number).hint" }
    var learned: String { "tutorial.\(number).learned" }

    /// The course, from counting to group-filter-sort-export. Tests/OCOPKitTests/TutorialTests
    /// runs each model answer, and a typical wrong one, through a session.
    static let all: [Lesson] = [
        Lesson(number: 1, model: "products count"),
        Lesson(number: 2, model: "products where stars = 4 count"),
        Lesson(number: 3, model: "products where province = \"Bắc Kạn\" and stars >= 4", mustShow: ["name"]),
        Lesson(number: 4, model: "products where name ~ \"nghe\"", mustShow: ["name"]),
        Lesson(number: 5, model: "products where stars = 5 select name, stars, producer.name"),
        Lesson(number: 6, model: "products sort by score desc limit 5 select name, score", ordered: true),
        Lesson(number: 7, model: "products where expires_on >= today and expires_on <= today + 90 days count"),
        Lesson(number: 8, model: "products group by province count"),
        Lesson(number: 9, model: "products group by category select category, avg(score) as avg_score sort by avg_score desc", ordered: true),
        Lesson(number: 10, model: "products group by province select province, count() as n where n >= 10"),
        Lesson(number: 11, model: "products where stars >= 4 group by category select category, count() as n where n >= 5 sort by n desc",
               ordered: true, export: true),
    ]
}
