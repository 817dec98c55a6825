import MotCuaAPI
import MotCuaDomain
@testable import MotCuaServer
import MotCuaStore
import Testing

/// The handlers convert the contract's enums to the domain's and back by exhaustive switches
/// (`Mapping+Enums.swift`): the compiler checks that every case is mapped, this checks that each is
/// mapped to the case of the same value.
@Suite struct EnumBridgeTests {
    @Test func everyContractCaseMapsToTheDomainCaseOfTheSameValue() {
        expectSameValues(DossierStatus.init, Components.Schemas.DossierStatus.init)
        expectSameValues(Role.init, Components.Schemas.Role.init)
        expectSameValues(Channel.init, Components.Schemas.Channel.init)
        expectSameValues(DayType.init, Components.Schemas.DayType.init)
        expectSameValues(ProcessingTime.Unit.init, Components.Schemas.TimeUnit.init)
        expectSameValues(Satisfaction.init as (Components.Schemas.Satisfaction) -> Satisfaction)
        expectSameValues(ProcedureDefinition.OnlineLevel.init, Components.Schemas.OnlineLevel.init)
        expectSameValues(LoginAttemptRecord.Outcome.init, Components.Schemas.LoginOutcome.init)
        expectSameValues(DeliveryRecord.State.init, Components.Schemas.DeliveryState.init)
        expectSameValues(Role.init as (Components.Schemas.ProcessStep.RolePayload) -> Role)
        expectSameValues(DossierCommand.PaymentChannel.init as (Components.Schemas.PaymentChannel) -> DossierCommand.PaymentChannel)
        expectSameValues(OfficialForm.init as (Components.Schemas.DossierForm) -> OfficialForm)
        expectSameValues(Components.Schemas.Timeliness.init as (Timeliness) -> Components.Schemas.Timeliness)
        expectSameValues(Components.Schemas.RatingBand.init as (RatingBand) -> Components.Schemas.RatingBand)
        for role in [Role.reception, .leader, .specialist] {
            #expect(Components.Schemas.ProcessStep.RolePayload(role).rawValue == role.rawValue)
        }
    }
}

/// Each case of `From` converts to the case of `To` with the same value.
private func expectSameValues<From, To>(_ convert: (From) -> To, sourceLocation: SourceLocation = #_sourceLocation)
where From: CaseIterable & RawRepresentable<String>, To: RawRepresentable<String> {
    #expect(From.allCases.map { convert($0).rawValue } == From.allCases.map(\.rawValue), sourceLocation: sourceLocation)
}

/// The same both ways.
private func expectSameValues<Contract, Domain>(
    _ toDomain: (Contract) -> Domain, _ toContract: (Domain) -> Contract, sourceLocation: SourceLocation = #_sourceLocation
) where Contract: CaseIterable & RawRepresentable<String>, Domain: CaseIterable & RawRepresentable<String> {
    expectSameValues(toDomain, sourceLocation: sourceLocation)
    expectSameValues(toContract, sourceLocation: sourceLocation)
}
