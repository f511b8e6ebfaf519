/// The OCOP data-model topics of Help+Domain.swift as entries: their indented statement lines
/// become the examples (run by HelpTests like every other).
extension Help {
    static var domainEntries: [HelpEntry] {
        let starts = ["products", "producers", "certifications", "units", "compare", "warnings"]
        let extra: [String: [String]] = ["warnings": ["warnings"], "spreadsheets": ["products where stars = 3 count"]]
        let kinds: [String: HelpEntry.Kind] = ["warnings": .command, "compare": .keyword]
        return domainTopics.keys.sorted().map { topic in
            var body: [String] = [], examples: [String] = []
            for line in domainTopics[topic]!.split(separator: "\n", omittingEmptySubsequences: false) {
                let t = String(line).trimmingSpaces
                if line.hasPrefix("  "), let w = t.split(separator: " ").first, starts.contains(String(w)) {
                    examples.append(t)
                } else if !t.isEmpty {
                    body.append(String(line))
                }
            }
            let names = topic == "compare" ? ["compare", "from", "to"] : [topic]
            return HelpEntry(names, kinds[topic] ?? .concept, body.joined(separator: "\n"),
                             examples: examples.isEmpty ? extra[topic] ?? [] : examples)
        }
    }
}
