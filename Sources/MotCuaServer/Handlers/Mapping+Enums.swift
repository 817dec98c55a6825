import MotCuaAPI
import MotCuaDomain
import MotCuaStore

// The contract's enums and their counterparts in the domain, the stores and the forms. Each conversion
// is an exhaustive switch, so a case added on one side only does not compile until it is mapped.

extension DossierStatus {
    init(_ contract: Components.Schemas.DossierStatus) {
        self = switch contract {
        case .submitted: .submitted
        case .received: .received
        case .refused: .refused
        case .inProgress: .inProgress
        case .supplementRequested: .supplementRequested
        case .awaitingPayment: .awaitingPayment
        case .withdrawn: .withdrawn
        case .stopped: .stopped
        case .resolved: .resolved
        case .returned: .returned
        }
    }
}

extension Components.Schemas.DossierStatus {
    init(_ value: DossierStatus) {
        self = switch value {
        case .submitted: .submitted
        case .received: .received
        case .refused: .refused
        case .inProgress: .inProgress
        case .supplementRequested: .supplementRequested
        case .awaitingPayment: .awaitingPayment
        case .withdrawn: .withdrawn
        case .stopped: .stopped
        case .resolved: .resolved
        case .returned: .returned
        }
    }
}

extension Role {
    init(_ contract: Components.Schemas.Role) {
        self = switch contract {
        case .admin: .admin
        case .nationalAdmin: .nationalAdmin
        case .reception: .reception
        case .leader: .leader
        case .specialist: .specialist
        case .portal: .portal
        case .auditor: .auditor
        }
    }
}

extension Components.Schemas.Role {
    init(_ value: Role) {
        self = switch value {
        case .admin: .admin
        case .nationalAdmin: .nationalAdmin
        case .reception: .reception
        case .leader: .leader
        case .specialist: .specialist
        case .portal: .portal
        case .auditor: .auditor
        }
    }
}

extension Channel {
    init(_ contract: Components.Schemas.Channel) {
        self = switch contract {
        case .counter: .counter
        case .online: .online
        case .post: .post
        }
    }
}

extension Components.Schemas.Channel {
    init(_ value: Channel) {
        self = switch value {
        case .counter: .counter
        case .online: .online
        case .post: .post
        }
    }
}

extension DayType {
    init(_ contract: Components.Schemas.DayType) {
        self = switch contract {
        case .holiday: .holiday
        case .compensatoryOff: .compensatoryOff
        case .swappedOff: .swappedOff
        case .makeupWorkday: .makeupWorkday
        }
    }
}

extension Components.Schemas.DayType {
    init(_ value: DayType) {
        self = switch value {
        case .holiday: .holiday
        case .compensatoryOff: .compensatoryOff
        case .swappedOff: .swappedOff
        case .makeupWorkday: .makeupWorkday
        }
    }
}

extension ProcessingTime.Unit {
    init(_ contract: Components.Schemas.TimeUnit) {
        self = switch contract {
        case .workingDays: .workingDays
        case .calendarDays: .calendarDays
        case .workingHours: .workingHours
        }
    }
}

extension Components.Schemas.TimeUnit {
    init(_ value: ProcessingTime.Unit) {
        self = switch value {
        case .workingDays: .workingDays
        case .calendarDays: .calendarDays
        case .workingHours: .workingHours
        }
    }
}

extension Components.Schemas.Timeliness {
    init(_ value: Timeliness) {
        self = switch value {
        case .early: .early
        case .onTime: .onTime
        case .late: .late
        case .withinDeadline: .withinDeadline
        case .overdue: .overdue
        }
    }
}

extension Satisfaction {
    init(_ contract: Components.Schemas.Satisfaction) {
        self = switch contract {
        case .verySatisfied: .verySatisfied
        case .satisfied: .satisfied
        case .dissatisfied: .dissatisfied
        }
    }
}

extension Components.Schemas.RatingBand {
    init(_ value: RatingBand) {
        self = switch value {
        case .excellent: .excellent
        case .good: .good
        case .fair: .fair
        case .average: .average
        case .weak: .weak
        }
    }
}

extension ProcedureDefinition.OnlineLevel {
    init(_ contract: Components.Schemas.OnlineLevel) {
        self = switch contract {
        case .full: .full
        case .partial: .partial
        case .none: .none
        }
    }
}

extension Components.Schemas.OnlineLevel {
    init(_ value: ProcedureDefinition.OnlineLevel) {
        self = switch value {
        case .full: .full
        case .partial: .partial
        case .none: .none
        }
    }
}

extension DossierCommand.PaymentChannel {
    init(_ contract: Components.Schemas.PaymentChannel) {
        self = switch contract {
        case .portal: .portal
        case .gateway: .gateway
        case .cash: .cash
        }
    }
}

extension OfficialForm {
    init(_ contract: Components.Schemas.DossierForm) {
        self = switch contract {
        case .receipt: .receipt
        case .supplementRequest: .supplementRequest
        case .refusal: .refusal
        case .apology: .apology
        case .controlSlip: .controlSlip
        }
    }
}

extension LoginAttemptRecord.Outcome {
    init(_ contract: Components.Schemas.LoginOutcome) {
        self = switch contract {
        case .succeeded: .succeeded
        case .failed: .failed
        }
    }
}

extension Components.Schemas.LoginOutcome {
    init(_ value: LoginAttemptRecord.Outcome) {
        self = switch value {
        case .succeeded: .succeeded
        case .failed: .failed
        }
    }
}

extension DeliveryRecord.State {
    init(_ contract: Components.Schemas.DeliveryState) {
        self = switch contract {
        case .pending: .pending
        case .delivered: .delivered
        case .dead: .dead
        }
    }
}

extension Components.Schemas.DeliveryState {
    init(_ value: DeliveryRecord.State) {
        self = switch value {
        case .pending: .pending
        case .delivered: .delivered
        case .dead: .dead
        }
    }
}

extension Components.Schemas.ProcessStep.RolePayload {
    /// A step's role. The domain publishes only steps done by reception, a leader or a specialist
    /// (`ProcedureDefinition.violations`), so the other roles never reach here.
    init(_ role: Role) {
        self = switch role {
        case .reception: .reception
        case .leader: .leader
        case .specialist, .admin, .nationalAdmin, .portal, .auditor: .specialist
        }
    }
}

extension Role {
    init(_ step: Components.Schemas.ProcessStep.RolePayload) {
        self = switch step {
        case .reception: .reception
        case .leader: .leader
        case .specialist: .specialist
        }
    }
}
