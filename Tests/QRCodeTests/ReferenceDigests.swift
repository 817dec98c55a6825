// Generated from segno 1.6.6, the reference encoder: segno.make_qr(text.encode("utf-8"),
// error=level, mode="byte", boost_error=False, mask=k), with segno's extra zero byte after a
// byte-aligned terminator removed (github.com/heuer/segno/issues/148; python-qrcode agrees).
// Digests are FNV-1a 64 over the modules row by row (1 = dark, 0 = light) for masks 0...7;
// penalties are segno's evaluate_mask for masks 0...7, scored before format and version
// information are added. Larger symbols and other levels, by digest only.
import QRCode

extension ReferenceSymbol {
    static let lookupURL = "https://motcua.example.vn/tra-cuu?ma=000.00.23.H12-261204-0001&khoa=AB12CD34"

    /// Symbols checked by digest only, up to version 40.
    static let digestOnly: [ReferenceSymbol] = [
        ReferenceSymbol(
            name: "lookup URL at L", level: .low,
            text: lookupURL,
            version: 4, automaticMask: 2, byteCount: 76,
            penalties: [1670, 1794, 1511, 1640, 1616, 1704, 1652, 1633],
            digests: [
                0xf4d807abd5f544b1, 0x4a5104106d5797d7,
                0xec1b706bba9bbab2, 0x9491a42cc8b1f29e,
                0xea9b81df4d680877, 0x78d5d00b96b84511,
                0x27fedeed5b13a906, 0x5564d29bcd5b3d58,
            ],
            rows: nil
        ),
        ReferenceSymbol(
            name: "lookup URL at Q", level: .quartile,
            text: lookupURL,
            version: 7, automaticMask: 0, byteCount: 76,
            penalties: [2207, 2517, 2324, 2360, 2548, 2472, 2467, 2481],
            digests: [
                0xbf8953cb7bc0ecdb, 0xbe31bddd01db680c,
                0xdf5652dc5baa1301, 0x1084a0d1b86e2313,
                0xca52f5dd132b5f99, 0xd9bb657bb242f597,
                0xfb0c02ebea4835fb, 0xff69e94b396a93dd,
            ],
            rows: nil
        ),
        ReferenceSymbol(
            name: "lookup URL at H", level: .high,
            text: lookupURL,
            version: 8, automaticMask: 3, byteCount: 76,
            penalties: [2647, 2812, 2537, 2466, 2715, 2765, 2509, 2620],
            digests: [
                0xc4045e1e41db7759, 0x7257d094189fb916,
                0xd839805291618fc3, 0x7d50e1f8f3a15b95,
                0x97de0c0b55f32847, 0x46183c5695d7f1da,
                0xc33c7f42904bfa3d, 0x43ed930b6f60b02b,
            ],
            rows: nil
        ),
        ReferenceSymbol(
            name: "long Vietnamese at Q", level: .quartile,
            text: String(repeating: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả; ", count: 17),
            version: 31, automaticMask: 0, byteCount: 1003,
            penalties: [13298, 14444, 15171, 13924, 15239, 14906, 14884, 14623],
            digests: [
                0xf18040018b261675, 0xd7ecb498440c0a16,
                0xbe6117c5af074f46, 0x20398bda7fcf4b02,
                0x6b7cc32c84abe329, 0x476e41ef9162b311,
                0xc4bda908fc9c3e26, 0xccbf55e333cbbdf8,
            ],
            rows: nil
        ),
        ReferenceSymbol(
            name: "largest at L, version 40", level: .low,
            text: String(String(repeating: "0123456789-abcdefghijklmnopqrstuvwxyz/", count: 78).prefix(2953)),
            version: 40, automaticMask: 2, byteCount: 2953,
            penalties: [29721, 27976, 18265, 23200, 23318, 21663, 21811, 22988],
            digests: [
                0x36c7698a2df62a05, 0x8226e7140c62e75e,
                0x0697981de8dec757, 0x925706ba18576079,
                0xc953e15dcd94434f, 0x0fc20b62035f1e19,
                0x387fbad5beabe449, 0x2c3fe85b9e5abe63,
            ],
            rows: nil
        ),
        ReferenceSymbol(
            name: "largest at H, version 40", level: .high,
            text: String(String(repeating: "0123456789-abcdefghijklmnopqrstuvwxyz/", count: 34).prefix(1273)),
            version: 40, automaticMask: 2, byteCount: 1273,
            penalties: [26408, 26064, 20856, 23201, 24114, 22677, 23048, 24465],
            digests: [
                0xc13bfafc7f746815, 0x3f0d8facd7c85d2e,
                0x28df7629d7da449b, 0x87bcb4f5cfc18e95,
                0xb3c9d9a8cb7bef53, 0x4d165132db5d4a11,
                0x95366c039424cb0d, 0x170ad98caf7185c7,
            ],
            rows: nil
        ),
    ]
}
