import Foundation

/// The status of a dossier, with the national codes 1-10 the portal uses (docs/domain.md §1).
public enum DossierStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// 1 - filed online, not yet accepted by the desk; the clock has not started.
    case submitted
    /// 2 - accepted at the desk, receipt slip (Form 01) issued; the clock runs.
    case received
    /// 3 - not accepted (Form 03, with reasons). Terminal.
    case refused
    /// 4 - transferred to the handling officer or step.
    case inProgress = "in_progress"
    /// 5 - supplement request (Form 02) sent; the clock is paused.
    case supplementRequested = "supplement_requested"
    /// 6 - waiting for a fee or tax payment.
    case awaitingPayment = "awaiting_payment"
    /// 7 - the applicant withdrew (Form 05). Terminal.
    case withdrawn
    /// 8 - handling stopped after appraisal, with reasons. Terminal.
    case stopped
    /// 9 - the result is ready at the desk.
    case resolved
    /// 10 - the result was handed to the applicant. Terminal.
    case returned

    /// The national status code, 1...10.
    public var code: Int {
        switch self {
        case .submitted: 1
        case .received: 2
        case .refused: 3
        case .inProgress: 4
        case .supplementRequested: 5
        case .awaitingPayment: 6
        case .withdrawn: 7
        case .stopped: 8
        case .resolved: 9
        case .returned: 10
        }
    }

    /// The national name of the status, as the national public-service portal shows it.
    public var nationalName: String {
        switch self {
        case .submitted: "Chờ tiếp nhận"
        case .received: "Đã tiếp nhận"
        case .refused: "Từ chối tiếp nhận"
        case .inProgress: "Đang xử lý"
        case .supplementRequested: "Yêu cầu bổ sung"
        case .awaitingPayment: "Chờ thực hiện nghĩa vụ tài chính"
        case .withdrawn: "Công dân rút hồ sơ"
        case .stopped: "Dừng xử lý"
        case .resolved: "Đã có kết quả"
        case .returned: "Đã trả kết quả"
        }
    }

    /// The status with national code `code`, or `nil` outside 1...10.
    public init?(code: Int) {
        guard let status = DossierStatus.allCases.first(where: { $0.code == code }) else { return nil }
        self = status
    }

    /// Whether the status never changes again (refused, withdrawn, stopped, returned).
    public var isTerminal: Bool {
        switch self {
        case .refused, .withdrawn, .stopped, .returned: true
        default: false
        }
    }

    /// Whether handling is over, so the dossier is judged as finished (early/on time/late):
    /// a result was issued (resolved, returned) or handling ended otherwise (refused, withdrawn, stopped).
    public var isFinished: Bool { isTerminal || self == .resolved }

    /// Whether the citizen may rate the service: once a result is ready or handling was ended by the
    /// unit (resolved, returned, stopped, refused); not after withdrawing.
    public var mayBeRated: Bool { isFinished && self != .withdrawn }

    /// Whether the processing clock is running (received, in progress, awaiting payment);
    /// it has not started in `submitted` and is paused in `supplementRequested`.
    public var isClockRunning: Bool {
        switch self {
        case .received, .inProgress, .awaitingPayment: true
        default: false
        }
    }
}

/// A user's role (the contract's `Role`). A user may hold several.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything within their own province.
    case admin
    /// The national catalog and working calendar, and units and users of every province.
    case nationalAdmin = "national_admin"
    /// The one-stop desk: intake, accept, refuse, completion and supplement requests, return.
    case reception
    /// Unit leader: assign, approve (resolve), stop, apologise.
    case leader
    /// Handling officer: works the dossiers assigned to them.
    case specialist
    /// The national portal integration: online submission, withdrawal and supplements on the citizen's behalf.
    case portal
    /// Read-only, evaluations.
    case auditor

    /// The roles that act for a whole province, whatever unit they are in.
    public static let provinceWide: Set<Role> = [.admin, .nationalAdmin, .portal, .auditor]

    /// Why an account with `roles` cannot belong to a unit that is (or is not) a commune, or nil:
    /// province-wide accounts belong to the province's own unit, never to a commune.
    public static func placementViolation(of roles: some Sequence<Role>, inCommune: Bool) -> String? {
        inCommune && roles.contains(where: provinceWide.contains)
            ? "admin, national_admin, portal and auditor accounts belong to a province unit" : nil
    }
}
