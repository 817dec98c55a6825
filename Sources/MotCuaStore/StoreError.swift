import MotCuaDomain

/// Why a store refused a request. The server maps each case to one problem type in one place.
public enum StoreError: Error, Sendable, Equatable {
    /// No such row, or one the caller may not see.
    case notFound(String)
    /// A duplicate or a state conflict, with the API's machine code (`conflict`, `supplement-limit`, ...).
    case conflict(code: String, detail: String)
    /// The action is not possible from the dossier's status (`invalid-transition`), which is named.
    case invalidTransition(detail: String, status: String?)
    /// A field breaks a rule that only the database can check (an unknown unit, a missing procedure).
    case invalid(field: String, reason: String)
    /// Several fields break rules at once: (field, reason) pairs.
    case invalidFields([InvalidField])
    /// A pagination cursor this server did not issue.
    case invalidCursor
    /// The caller's roles or unit do not allow the action.
    case forbidden(String)
    /// `If-Match` named another version than the current one.
    case versionMismatch(current: Int)

    /// One offending field.
    public typealias InvalidField = FieldProblem
}
