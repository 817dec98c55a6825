import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotCuaAPI
import MotCuaDomain
import MotCuaStore

extension Components.Schemas.User {
    init(_ user: UserRecord) {
        self.init(
            username: user.username, fullName: user.fullName, unitCode: user.unitCode,
            roles: user.roles.map { Components.Schemas.Role($0) },
            active: user.active, createdAt: user.createdAt)
    }
}

extension Components.Schemas.Unit {
    init(_ unit: UnitRecord) {
        self.init(
            code: unit.code, name: unit.name, province: unit.province,
            kind: unit.kind == .province ? .province : .commune, createdAt: unit.createdAt)
    }
}
