import MotCuaAPI
import MotCuaDomain
@testable import MotCuaServer
import MotCuaStore
import Testing

/// The handlers turn the contract's enums into the domain's by raw value (`X(rawValue: y.rawValue)!`):
/// every pair must have the same cases both ways, or a value added on one side only would stop the
/// server at its first use. This fails first.
@Suite struct EnumBridgeTests {
    func expectSameCases<A: CaseIterable & RawRepresentable, B: CaseIterable & RawRepresentable>(
        _ a: A.Type, _ b: B.Type, sourceLocation: SourceLocation = #_sourceLocation
    ) where A.RawValue == String, B.RawValue == String {
        #expect(Set(a.allCases.map(\.rawValue)) == Set(b.allCases.map(\.rawValue)), "\(a) and \(b)", sourceLocation: sourceLocation)
    }

    @Test func everyContractEnumHasTheDomainsCases() {
        expectSameCases(Components.Schemas.DossierStatus.self, DossierStatus.self)
        expectSameCases(Components.Schemas.Role.self, Role.self)
        expectSameCases(Components.Schemas.Channel.self, Channel.self)
        expectSameCases(Components.Schemas.DayType.self, DayType.self)
        expectSameCases(Components.Schemas.TimeUnit.self, ProcessingTime.Unit.self)
        expectSameCases(Components.Schemas.Satisfaction.self, Satisfaction.self)
        expectSameCases(Components.Schemas.DossierForm.self, OfficialForm.self)
        expectSameCases(Components.Schemas.LoginOutcome.self, LoginAttemptRecord.Outcome.self)
        expectSameCases(Components.Schemas.PaymentChannel.self, DossierCommand.PaymentChannel.self)
        expectSameCases(Components.Schemas.OnlineLevel.self, ProcedureDefinition.OnlineLevel.self)
        expectSameCases(Components.Schemas.RatingBand.self, RatingBand.self)
    }
}
