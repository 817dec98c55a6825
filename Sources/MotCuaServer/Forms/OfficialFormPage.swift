import Foundation
import MotCuaDomain
import MotCuaStore

/// The frame every official form shares: an A4 page with the issuing centre and the national motto
/// side by side, the place and date, the title, the body, the signatures and the form's number.
struct OfficialFormPage {
    /// "Mẫu số 01".
    var number: String
    var title: String
    /// The unit that issues it (its name heads the page and gives the place).
    var unitName: String
    var date: LocalDate
    var code: String
    var body: HTML
    /// Signature blocks, left to right: who signs and the name printed under the space.
    var signatures: [(role: String, hint: String, name: String?)]

    var html: HTML {
        let signatureCells = signatures.map { signature -> HTML in
            """
            <td><b>\(signature.role)</b><br><i>\(signature.hint)</i><div class="signed-name">\(signature.name)</div></td>
            """
        }
        return """
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>\(title) - \(code)</title>
            <style>\(Self.styleSheet)</style></head><body><main class="sheet">
            <table class="heading"><tr>
            <td class="agency">ỦY BAN NHÂN DÂN \(unitName.uppercased())<br><b>TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG</b>
            <div class="rule"></div><span>Số: \(code)</span></td>
            <td class="nation"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b class="motto">Độc lập - Tự do - Hạnh phúc</b>
            <div class="place"><i>\(Self.place(unitName)), \(VietnameseDates.long(date))</i></div></td>
            </tr></table>
            <h1>\(title)</h1>
            \(body)
            <table class="signatures"><tr>\(signatureCells)</tr></table>
            <p class="form-number">\(number)</p>
            </main></body></html>

            """
    }

    /// "Xã Tân Phú" → "Tân Phú": the place name the date line starts with.
    static func place(_ unitName: String) -> String {
        for prefix in ["Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Tỉnh ", "Thành phố "] where unitName.hasPrefix(prefix) {
            return String(unitName.dropFirst(prefix.count))
        }
        return unitName
    }

    /// A4 portrait, Times New Roman as official documents are typed (Decree 30/2020), margins of an
    /// administrative document; on screen the sheet is shown as a page.
    static let styleSheet: HTML = .trusted("""
        @page{size:A4 portrait;margin:15mm 15mm 15mm 25mm}
        *{box-sizing:border-box}
        body{margin:0;font:12pt/1.3 "Times New Roman",Tinos,"Liberation Serif",serif;color:#000;background:#e5e7eb}
        .sheet{background:#fff;width:210mm;min-height:297mm;margin:8mm auto;padding:15mm 15mm 15mm 25mm}
        @media print{body{background:#fff}.sheet{width:auto;min-height:0;margin:0;padding:0}}
        table{border-collapse:collapse;width:100%}
        .heading td{vertical-align:top;text-align:center;padding:0}
        .heading .agency{width:42%;font-size:12pt}.heading .nation{font-size:12pt}
        .rule{width:35%;margin:2pt auto 3pt;border-top:1px solid #000}
        .motto{display:inline-block;border-bottom:1px solid #000;padding-bottom:1pt}
        .place{margin-top:6pt;text-align:right}
        h1{font-size:14pt;text-align:center;margin:10pt 0 8pt;text-transform:uppercase}
        p{margin:3pt 0;text-align:justify}
        ol,ul{margin:2pt 0 4pt;padding-left:18pt}
        .grid td,.grid th{border:1px solid #000;padding:3pt 4pt;font-size:11pt;vertical-align:top}
        .grid th{text-align:center}
        .key{font-size:15pt;font-weight:bold;letter-spacing:1pt}
        .lookup{display:flex;gap:10pt;align-items:center;border:1px solid #000;padding:6pt;margin-top:8pt}
        .lookup svg{width:28mm;height:28mm;flex:none}
        .signatures{margin-top:10pt;page-break-inside:avoid}
        .signatures td{text-align:center;vertical-align:top;width:50%}
        .signed-name{margin-top:44pt;font-weight:bold}
        .form-number{margin-top:6pt;font-size:10pt;font-style:italic;text-align:right}
        """)
}
