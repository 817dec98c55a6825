/// One field of a request that breaks a rule, and why (an entry of a 422's `invalidParams`).
public struct FieldProblem: Sendable, Hashable {
    public var field: String
    public var reason: String

    public init(_ field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }
}

/// The rules on the papers of a dossier (docs/domain.md §2): what a supplement request must say, which
/// documents a dossier may hold, and how supplied documents replace filed ones. Pure: the store applies
/// the results in SQL.
public enum Paperwork {
    public typealias Problem = FieldProblem

    /// A supplement request (form 02) lists every missing component, each a component of the
    /// procedure (`components`) with a note saying what is missing.
    public static func supplementRequestProblems(
        items: [(documentCode: String, note: String)], of procedure: ProcedureDefinition
    ) -> [Problem] {
        let components = Set(procedure.documents.map(\.code))
        var problems: [Problem] = []
        for (index, item) in items.enumerated() {
            if !components.contains(item.documentCode) {
                problems.append(.init("items[\(index)].documentCode", "\(item.documentCode) is not a component of procedure \(procedure.code)"))
            }
            if item.note.allSatisfy(\.isWhitespace) {
                problems.append(.init("items[\(index)].note", "must say what is missing"))
            }
        }
        if items.isEmpty { problems.append(.init("items", "must list every missing component")) }
        return problems
    }

    /// Filed or supplied documents (by component code) must be components of the procedure; a dossier
    /// filed `complete` (at the counter or by post, not online) must hold every mandatory component.
    public static func documentProblems(codes: [String], of procedure: ProcedureDefinition, complete: Bool = false) -> [Problem] {
        let components = Set(procedure.documents.map(\.code))
        var problems = codes.enumerated().filter { !components.contains($0.element) }.map {
            Problem("documents[\($0.offset)].code", "\($0.element) is not a component of procedure \(procedure.code)")
        }
        if complete {
            let filed = Set(codes)
            for document in procedure.documents where document.mandatory && !filed.contains(document.code) {
                problems.append(.init("documents", "the mandatory component \(document.code) (\(document.name)) is missing"))
            }
        }
        return problems
    }

    /// The dossier's documents once `supplied` arrive: a supplied document replaces the filed one of the
    /// same component, the others are kept, and the supplied ones come last in the order given.
    public static func merge<Document>(_ filed: [Document], supplied: [Document], code: (Document) -> String) -> [Document] {
        let replaced = Set(supplied.map(code))
        return filed.filter { !replaced.contains(code($0)) } + supplied
    }
}
