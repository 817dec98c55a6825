/// Why a store refused a request. The server maps each case to one problem type in one place.
public enum StoreError: Error, Sendable, Equatable {
    /// No such row, or one the caller may not see.
    case notFound(String)
    /// A duplicate or a state conflict, with the API's machine code (`conflict`, `invalid-transition`, ...).
    case conflict(code: String, detail: String)
    /// A field breaks a rule that only the database can check (an unknown unit, a missing procedure).
    case invalid(field: String, reason: String)
    /// A pagination cursor this server did not issue.
    case invalidCursor
}
