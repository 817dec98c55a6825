// Generated from segno 1.6.6, the reference encoder: segno.make_qr(text.encode("utf-8"),
// error=level, mode="byte", boost_error=False, mask=k), with segno's extra zero byte after a
// byte-aligned terminator removed (github.com/heuer/segno/issues/148; python-qrcode agrees).
// Digests are FNV-1a 64 over the modules row by row (1 = dark, 0 = light) for masks 0...7;
// penalties are segno's evaluate_mask for masks 0...7, scored before format and version
// information are added. Rows, of the automatically masked symbol, are hex, leftmost
// module the most significant bit, padded with zeros to whole digits.
import QRCode

extension ReferenceSymbol {
    /// Symbols whose modules are listed, up to version 13.
    static let drawn: [ReferenceSymbol] = [
        ReferenceSymbol(
            name: "short text", level: .medium,
            text: "MotCua",
            version: 1, automaticMask: 2, byteCount: 6,
            penalties: [1212, 1273, 1107, 1210, 1152, 1116, 1139, 1116],
            digests: [
                0xc8f1557df5d757f7, 0x94f730d721b74fe5,
                0xcfbd83dd9c3dc005, 0x56ad5c3465ed914b,
                0x3d5ccfe5b58b33c5, 0x651291996ee0d2df,
                0x59e20a76e70e6c67, 0x950125bfaa5d5cd1,
            ],
            rows: """
            fe3bf8
            821a08
            baa2e8
            bac2e8
            ba9ae8
            82aa08
            feabf8
            009800
            be6be0
            912948
            ef54d0
            8481f0
            ca74d8
            00bf60
            fe2b30
            82de68
            baa930
            bae9a0
            ba9440
            826060
            fed450
            """
        ),
        ReferenceSymbol(
            name: "lookup URL", level: .medium,
            text: lookupURL,
            version: 5, automaticMask: 2, byteCount: 76,
            penalties: [1915, 1756, 1631, 1831, 1719, 1682, 1829, 1776],
            digests: [
                0xd50c7bf0aa26ad4d, 0xb821420ebeb28c5b,
                0xd50da2bb1f80109f, 0xdb3f5cb4e5979505,
                0xb5595aeea06fe627, 0x7cab38a371746b8e,
                0x7674f868085ea1d9, 0x464ad7ad091acadb,
            ],
            rows: """
            fe0063a3f8
            8257c23a08
            ba810cbae8
            ba9648e2e8
            baa0712ae8
            82d84e9208
            feaaaaabf8
            00b16f0800
            be428ec3e0
            f9fb716450
            2e758a1578
            fc0b171fc8
            6a3dcb76b8
            89383f0110
            c28b2c9bc8
            71ba8f1180
            afbe2fdab0
            fce1952450
            46b42694b8
            acfc8cb448
            e6006bf6e0
            cdde5f8c40
            9a85481fc8
            31cb741988
            7bdd80dba8
            e9556f6420
            ab2d883778
            80e915a208
            abc3e3ffd0
            00aa1d28d0
            fe272c8aa8
            82ef0e28c8
            bae531dfa8
            baa38f0ee8
            baf4249058
            8228b70ac8
            feece0f6b8
            """
        ),
        ReferenceSymbol(
            name: "Vietnamese with diacritics", level: .medium,
            text: "Ủy ban nhân dân xã Hòa Bình – Bộ phận Một cửa: hồ sơ đã được tiếp nhận, hẹn trả ngày 04/12/2026.",
            version: 8, automaticMask: 2, byteCount: 131,
            penalties: [2843, 2750, 2397, 2730, 2458, 2716, 2447, 2591],
            digests: [
                0xe9feb71ab21a33ef, 0x32b39a08334a4dd0,
                0x759fbf36de050411, 0x180c819bf2e4c317,
                0xb2ea8916517735e1, 0xc32ce8cb1ff0cc4c,
                0xeb021142794e3e63, 0x216d44a31a597461,
            ],
            rows: """
            fe42d0fcc4bf8
            822c3f0bfba08
            bacb8c9b91ae8
            bafe234cc52e8
            ba895bf1242e8
            82a3ea3842208
            feaaaaaaaabf8
            00e21e39f2800
            be6cefeca2be0
            741004117b248
            47363d380a438
            15256018213c8
            bb53b2c1bf8e8
            159e643808690
            bf1f7170aa920
            05102503312b8
            778469d66aa48
            48d5caa341f60
            1f27eef64a4b8
            ac6f481ad32e0
            cee27645a1b70
            245129127e440
            4fc003f0e9fe0
            68e1763ce78b0
            aad662a795ae8
            c89c0e379d8c0
            3fde2bf032fc8
            dcdd84cdc0030
            f619079f49ac8
            54fc7c8e44a40
            07ab4bd076330
            e8327a94364f0
            5362fa29eea68
            c89349fca8780
            9ef437abce778
            757a805ac0808
            cbf0c43376328
            81debcb69b2c8
            4655212be2790
            70f6a4fa8e0f8
            e3dd8ff75bfa8
            00a21e3a49898
            fe7042bc6aac0
            82dc0634c48e8
            ba87d7e858f88
            ba9466f285ac8
            bacf9539eb640
            8229066351108
            feb52a960a4b8
            """
        ),
        ReferenceSymbol(
            name: "about 300 bytes, version info", level: .medium,
            text: String(repeating: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả; ", count: 5),
            version: 13, automaticMask: 4, byteCount: 295,
            penalties: [4467, 4174, 3961, 4334, 3952, 4055, 4474, 4244],
            digests: [
                0x1ad1f7d5e9a6a201, 0x76f459ecffda479a,
                0x732f17b01ab988ef, 0x526ef06db41fef0d,
                0xeb4e2fdc9ce3ef87, 0xc292fee355018a79,
                0x4c30dca3a5aa7755, 0xde107588b61519b7,
            ],
            rows: """
            fe878f82112e3cfbf8
            8268b3995d11194208
            ba18eab9684fd362e8
            baa49ef22f0b3e8ae8
            baaa34e0fd12426ae8
            82bb7b6a8c4f416208
            feaaaaaaaaaaaaabf8
            00b81f44893bbca800
            8bdad2eefa0d3ea7c8
            1d64733844c7e9a980
            370ddbd7d65da25370
            015b0b3b534e10f060
            828935b8a9be3e4098
            206c42f7a17b449710
            077750eeab65f6b3c0
            c1d28c69f6ef845f30
            d279c9e5a4c5e45498
            e0da7f9911bab909b0
            fb0d94e2b1693fc9c0
            69acfddf48ddb47140
            536618fae87f0643a8
            b49c28690707eb2d70
            924f6494f3a5a11eb0
            197160f1394f15e800
            624e6b78333f3e86b8
            ad9613b4a47048d300
            cb4ebec18ffc7a5fe8
            d1013b80f91686d370
            7bb906ecafbdb47458
            411a48d1932bf59cd0
            93062f1ca7614ec260
            d899fe7843cf9ce110
            1fb6c132fde17ccf98
            58defe668cb4baa8b0
            6acd3cacaae1be8ac0
            38d47cda885e44e898
            1fd13ae9fb2cee8fd0
            6d0027a87d69e853b0
            33759af477b33342d0
            18de8110e96585bf00
            4be5ea495783b31758
            8c8598142e03fe9e60
            2f855a6e3365a258c8
            b13705626b5f8ee390
            a372665d0575e1dd18
            0024ad31b533301cb0
            ef62895c8f087e4a20
            64a74f0a597eb48f50
            5252b3ab632856a690
            cc41522805c1c1f330
            43b97db46efd3b6388
            e8570c10204db56fe8
            03b43a3992aaeb8ec8
            a5a8b414377b0acfc0
            ca20e3fc7dc13614f0
            d45e519de1ef93c738
            6acbdd5e4f95f0be20
            bd580eecea92b5bbf0
            ae91458f5e28044120
            8053c07f5b2ea7cc80
            9b7f4438fc09d08f98
            00e70c898decc1f890
            fed44294abf96a5a98
            8214c6918d44f4e880
            ba89c029ff23ce9f90
            ba1ab645a272895598
            ba54963a5ebd13e2c0
            824574fede5be5d2a0
            fe8169441b29d33c08
            """
        ),
    ]
}
