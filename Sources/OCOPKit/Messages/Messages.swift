import Foundation

/// The language of user-facing messages: English or Vietnamese. Keywords and field names stay
/// as they are in both.
public enum Lang: String, Sendable, CaseIterable {
    case en, vi

    /// `vi` when LC_ALL, LC_MESSAGES or LANG (the first one set, as the C library reads
    /// them) starts with `vi`; English otherwise.
    public static func from(environment env: [String: String]) -> Lang {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("vi") ? .vi : .en }
        }
        return .en
    }
}

/// Message lookup by stable identifier: `Msg.text("welcome", lang, summary)`. Each language
/// has one catalogue (Messages+English.swift, Messages+Vietnamese.swift); `{0}`, `{1}` … in a
/// message are replaced by the arguments. Tests/OCOPKitTests/MessagesTests.swift checks that
/// both catalogues have the same keys and that every identifier used in Sources exists.
public enum Msg {
    static func catalogue(_ lang: Lang) -> [String: String] {
        switch lang {
        case .en: return english
        case .vi: return vietnamese
        }
    }

    /// The message `id` in `lang` (English when missing there, the id itself when missing
    /// everywhere), with `{i}` replaced by `args[i]`.
    public static func text(_ id: String, _ lang: Lang, _ args: String...) -> String {
        format(catalogue(lang)[id] ?? english[id] ?? id, args)
    }

    static func format(_ template: String, _ args: [String]) -> String {
        guard !args.isEmpty else { return template }
        var out = template
        for (i, a) in args.enumerated() { out = out.replacingOccurrences(of: "{\(i)}", with: a) }
        return out
    }
}
