/// The catalogues of `Message`: one per language, keyed by `Message.ID`. English is the
/// fallback for an entry a catalogue lacks (MessageCatalogueTests fails when one does).
public enum Catalogue {
    static func table(_ lang: Lang) -> [Message.ID: String] {
        switch lang {
        case .en: return english
        case .vi: return vietnamese
        }
    }

    /// The template of `id` in `lang`, else in English, else the id itself.
    static func entry(_ id: Message.ID, _ lang: Lang) -> String {
        table(lang)[id] ?? english[id] ?? id.rawValue
    }
}
