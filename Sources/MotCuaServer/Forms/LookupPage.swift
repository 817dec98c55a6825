import Foundation
import MotCuaDomain

/// `/tra-cuu`, the citizens' page: a form for the dossier code and lookup key, the dossier's public
/// view when they match, and the rating form once it is finished. Plain HTML and CSS, no script;
/// it shows nothing the public JSON lookup does not.
struct LookupPage {
    /// What the public may see of a dossier.
    struct Dossier {
        var code: String
        var procedureName: String
        var maskedApplicant: String
        var status: DossierStatus
        var appointmentDate: LocalDate?
        var finishedAt: Date?
        var timeliness: Timeliness?
        /// Finished and not rated yet: the rating form is shown.
        var mayRate: Bool
    }

    /// A message above the result: what went wrong, or thanks.
    struct Notice {
        enum Kind: String { case error, success }
        var kind: Kind
        var text: String
    }

    var code: String?
    var lookupKey: String?
    var notice: Notice?
    var dossier: Dossier?

    var html: HTML {
        let notice: HTML = self.notice.map { "<p class=\"notice \($0.kind.rawValue)\" role=\"status\">\($0.text)</p>" } ?? ""
        return """
            <!doctype html><html lang="vi"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>Tra cứu hồ sơ</title>
            <style>\(Self.styleSheet)</style></head><body><main>
            <h1>Tra cứu hồ sơ thủ tục hành chính</h1>
            <p>Nhập mã hồ sơ và mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</p>
            <form method="get" action="/tra-cuu" class="lookup">
            <label>Mã hồ sơ <input name="code" required maxlength="60" autocomplete="off" value="\(code)"></label>
            <label>Mã tra cứu <input name="lookupKey" required maxlength="64" autocomplete="off" value="\(lookupKey)"></label>
            <button type="submit">Tra cứu</button>
            </form>
            \(notice)
            \(dossier.map(result) ?? "")
            </main></body></html>

            """
    }

    private func result(_ dossier: Dossier) -> HTML {
        let appointment = dossier.appointmentDate.map(VietnameseDates.long) ?? "Chưa có (hồ sơ chưa được tiếp nhận)"
        let finished: HTML = dossier.finishedAt.map { "<dt>Hoàn thành lúc</dt><dd>\(VietnameseDates.timeAndDate($0))</dd>" } ?? ""
        return """
            <section id="ket-qua"><h2>Hồ sơ \(dossier.code)</h2><dl>
            <dt>Thủ tục</dt><dd>\(dossier.procedureName)</dd>
            <dt>Người nộp</dt><dd>\(dossier.maskedApplicant)</dd>
            <dt>Tình trạng</dt><dd id="trang-thai"><b>\(dossier.status.nationalName)</b></dd>
            <dt>Ngày hẹn trả kết quả</dt><dd>\(appointment)</dd>
            \(finished)
            <dt>Tiến độ</dt><dd id="tien-do">\(dossier.timeliness?.vietnameseName ?? "Chưa tính (đồng hồ chưa chạy)")</dd>
            </dl></section>
            \(dossier.mayRate ? ratingForm(dossier) : "")
            """
    }

    /// The nine indicators of the citizen evaluation, each 0-2, and the satisfaction level.
    private func ratingForm(_ dossier: Dossier) -> HTML {
        let indicators = RatingScores.vietnameseIndicators.enumerated().map { index, title -> HTML in
            let name = "i\(index + 1)"
            let choices = RatingScores.vietnameseScores.enumerated().reversed().map { score, label -> HTML in
                "<label><input type=\"radio\" name=\"\(name)\" value=\"\(score)\" required> \(label)</label>"
            }
            return "<tr><td>\(index + 1). \(title)</td><td class=\"choices\">\(choices)</td></tr>"
        }
        let satisfaction = Satisfaction.allCases.map { level -> HTML in
            "<label><input type=\"radio\" name=\"satisfaction\" value=\"\(level.rawValue)\" required> \(level.vietnameseName)</label>"
        }
        return """
            <form method="post" action="/tra-cuu" id="danh-gia"><h2>Đánh giá sự hài lòng</h2>
            <input type="hidden" name="code" value="\(dossier.code)"><input type="hidden" name="lookupKey" value="\(lookupKey)">
            <table>\(indicators)</table>
            <fieldset><legend>Mức độ hài lòng chung</legend>\(satisfaction)</fieldset>
            <label>Góp ý (không bắt buộc)<textarea name="comment" maxlength="2000" rows="3"></textarea></label>
            <button type="submit">Gửi đánh giá</button>
            </form>
            """
    }

    static let styleSheet: HTML = .trusted("""
        body{margin:0;font:16px/1.5 system-ui,"Segoe UI",Roboto,sans-serif;color:#1d2329;background:#f5f6f8}
        main{max-width:44rem;margin:0 auto;padding:1rem 1.25rem 3rem;background:#fff;min-height:100vh}
        h1{font-size:1.45rem;color:#a50f25}h2{font-size:1.15rem;margin-top:1.5rem}
        form.lookup{display:grid;gap:.6rem}label{display:block}
        input[type=text],input:not([type]),textarea{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.45rem;
        border:1px solid #9aa3ad;border-radius:4px}
        button{font:inherit;padding:.5rem 1.2rem;background:#a50f25;color:#fff;border:0;border-radius:4px;cursor:pointer}
        .notice{padding:.6rem .8rem;border-radius:4px}.error{background:#fde8e8;color:#8a1020}.success{background:#e6f4ea;color:#14532d}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{color:#555}dd{margin:0}
        table{border-collapse:collapse;width:100%}td{border-top:1px solid #e3e6ea;padding:.4rem .2rem;vertical-align:top}
        .choices label{display:inline-block;margin-right:.7rem;white-space:nowrap}
        fieldset{border:1px solid #e3e6ea;margin:.8rem 0}fieldset label{display:inline-block;margin-right:1rem}
        """)
}
