// Generated from segno 1.6.6, the reference encoder: segno.make_qr(text.encode("utf-8"),
// error=level, mode="byte", boost_error=False, mask=k), with segno's extra zero byte after a
// byte-aligned terminator removed (github.com/heuer/segno/issues/148; python-qrcode agrees).
// One symbol per version, its text the first byteCount bytes of versionText; digests as in
// ReferenceSymbols.swift.
import QRCode

enum ReferenceVersions {
    static let versionText = String(repeating: "0123456789-abcdefghijklmnopqrstuvwxyz/", count: 80)

    /// Filled to capacity; levels L, M, Q, H and masks 0...7 in turn.
    static let all: [(version: Int, level: QRCode.ErrorCorrection, mask: Int, byteCount: Int, digest: UInt64)] = [
        (version: 1, level: .low, mask: 0, byteCount: 17, digest: 0x062fec17a359508f),
        (version: 2, level: .medium, mask: 1, byteCount: 26, digest: 0xa7b1923f212e3843),
        (version: 3, level: .quartile, mask: 2, byteCount: 32, digest: 0x36274fcb910ea4f8),
        (version: 4, level: .high, mask: 3, byteCount: 34, digest: 0x6f23d35af07e7684),
        (version: 5, level: .low, mask: 4, byteCount: 106, digest: 0xe6deb9b4dd655041),
        (version: 6, level: .medium, mask: 5, byteCount: 106, digest: 0x2416bcbf0662268e),
        (version: 7, level: .quartile, mask: 6, byteCount: 86, digest: 0xd8a01d245bae984b),
        (version: 8, level: .high, mask: 7, byteCount: 84, digest: 0xdbbae0ec0eac1241),
        (version: 9, level: .low, mask: 0, byteCount: 230, digest: 0x1b77bcd6862a51df),
        (version: 10, level: .medium, mask: 1, byteCount: 213, digest: 0x40d4d3cbaba5ab04),
        (version: 11, level: .quartile, mask: 2, byteCount: 177, digest: 0xb129c4fe532f29fb),
        (version: 12, level: .high, mask: 3, byteCount: 155, digest: 0x5d33ee45b833435c),
        (version: 13, level: .low, mask: 4, byteCount: 425, digest: 0xf9a3c620925fd285),
        (version: 14, level: .medium, mask: 5, byteCount: 362, digest: 0x80b59d2b9401812a),
        (version: 15, level: .quartile, mask: 6, byteCount: 292, digest: 0x8ee5a10e20339092),
        (version: 16, level: .high, mask: 7, byteCount: 250, digest: 0xd3be74320a652a18),
        (version: 17, level: .low, mask: 0, byteCount: 644, digest: 0xbc82ee65533c15d5),
        (version: 18, level: .medium, mask: 1, byteCount: 560, digest: 0xd34d9f84d32510d0),
        (version: 19, level: .quartile, mask: 2, byteCount: 442, digest: 0x52b8de1497fde581),
        (version: 20, level: .high, mask: 3, byteCount: 382, digest: 0x58b76836e2fc5675),
        (version: 21, level: .low, mask: 4, byteCount: 929, digest: 0x8ac411f81e128a41),
        (version: 22, level: .medium, mask: 5, byteCount: 779, digest: 0x402ab2b40dd1d3f1),
        (version: 23, level: .quartile, mask: 6, byteCount: 611, digest: 0xe55f103706fdb6f5),
        (version: 24, level: .high, mask: 7, byteCount: 511, digest: 0x7e08b661da85201f),
        (version: 25, level: .low, mask: 0, byteCount: 1273, digest: 0xd3b4e1249edf26d1),
        (version: 26, level: .medium, mask: 1, byteCount: 1059, digest: 0x11eddfcae5c91c4e),
        (version: 27, level: .quartile, mask: 2, byteCount: 805, digest: 0xc10ac7a87254c4bf),
        (version: 28, level: .high, mask: 3, byteCount: 658, digest: 0xd5d3dbefe2a532ca),
        (version: 29, level: .low, mask: 4, byteCount: 1628, digest: 0x96eaef33e67b011e),
        (version: 30, level: .medium, mask: 5, byteCount: 1370, digest: 0xb17fa68ccf7b219c),
        (version: 31, level: .quartile, mask: 6, byteCount: 1030, digest: 0x8e4807b42e2cbb68),
        (version: 32, level: .high, mask: 7, byteCount: 842, digest: 0x915658fdfa0bc31c),
        (version: 33, level: .low, mask: 0, byteCount: 2068, digest: 0x573638bfe5cf3399),
        (version: 34, level: .medium, mask: 1, byteCount: 1722, digest: 0x92980df07a73c65c),
        (version: 35, level: .quartile, mask: 2, byteCount: 1283, digest: 0x2f0962908d756d13),
        (version: 36, level: .high, mask: 3, byteCount: 1051, digest: 0x7233093e6fdabb4a),
        (version: 37, level: .low, mask: 4, byteCount: 2563, digest: 0x2dae79bf3be2f103),
        (version: 38, level: .medium, mask: 5, byteCount: 2099, digest: 0x94cad6d21405b31e),
        (version: 39, level: .quartile, mask: 6, byteCount: 1579, digest: 0x0815c5deb339cf24),
        (version: 40, level: .high, mask: 7, byteCount: 1273, digest: 0x170ad98caf7185c7),
    ]
}
