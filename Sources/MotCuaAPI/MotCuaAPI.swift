/// Types, server protocol (`APIProtocol`) and `Client` generated from `openapi.yaml` by
/// swift-openapi-generator's build plugin. This file exists because a target needs one Swift source.
public enum MotCuaContract {
    /// The contract's version, as in `info.version`.
    public static let version = "1.0.0"
}
