#include "kiosk/core/slip/status_slip.hpp"

#include <gtest/gtest.h>

#include "kiosk/core/dossier/dossier_time.hpp"
#include "kiosk/core/slip/guidance_slip.hpp"
#include "tests/support/slip_samples.hpp"

using namespace kiosk::core;
using namespace kiosk::core::slip;

namespace {
std::vector<std::string> allTexts(const Slip& s) {
    std::vector<std::string> out{s.title, s.footer.officeName};
    for (const auto& e : s.body) {
        if (auto* t = std::get_if<TextBlock>(&e)) out.push_back(t->text);
        if (auto* kv = std::get_if<KeyValueRow>(&e)) {
            out.push_back(kv->key);
            out.push_back(kv->value);
        }
        if (auto* q = std::get_if<QrBlock>(&e)) out.push_back(q->payload);
    }
    return out;
}

bool mentions(const Slip& s, const std::string& needle) {
    for (const auto& t : allTexts(s)) {
        if (t.find(needle) != std::string::npos) return true;
    }
    return false;
}

std::vector<std::string> qrPayloads(const Slip& s) {
    std::vector<std::string> out;
    for (const auto& e : s.body) {
        if (auto* q = std::get_if<QrBlock>(&e)) out.push_back(q->payload);
    }
    return out;
}
}  // namespace

TEST(StatusSlipTest, ShowsCodeStatusNextStepDueDateAndPickup) {
    const auto sample = kiosk::test::statusSamples().at(4);  // status 5, needs documents
    const Slip s = buildStatusSlip(sample.answer, sample.input);
    EXPECT_TRUE(mentions(s, sample.dossier.code));
    EXPECT_TRUE(mentions(s, "Cần bổ sung giấy tờ"));          // the screen's plain headline
    EXPECT_TRUE(mentions(s, "Còn 5 ngày đến ngày hẹn trả"));  // the screen's due wording
    EXPECT_TRUE(mentions(s, "03/12/2026"));
    EXPECT_TRUE(mentions(s, "Bản sao Giấy khai sinh"));
    EXPECT_TRUE(mentions(s, "Quầy số 2, giờ hành chính"));    // the agency's note
    const Slip ready = buildStatusSlip(kiosk::test::statusSamples().at(8).answer, sample.input);
    EXPECT_TRUE(mentions(ready, "Quầy số 3 — Bộ phận Một cửa, tầng 1"));  // where to collect (status 9)
    EXPECT_TRUE(mentions(ready, "28/11/2026"));                          // from when, labelled
    EXPECT_EQ(s.footer.officeName, sample.input.officeName);
}

// Screen and paper say the same: headline, due line, next step and QR are the answer's, word for word.
TEST(StatusSlipTest, EveryStatusSaysWhatTheScreenSays) {
    for (const auto& sample : kiosk::test::statusSamples()) {
        const Slip s = buildStatusSlip(sample.answer, sample.input);
        EXPECT_TRUE(mentions(s, sample.answer.headline)) << sample.dossier.rawStatus;
        if (!sample.answer.dueLine.empty()) {
            EXPECT_TRUE(mentions(s, sample.answer.dueLine)) << sample.dossier.rawStatus;
        }
        EXPECT_TRUE(mentions(s, sample.answer.nextStep)) << sample.dossier.rawStatus;
        if (!sample.answer.reason.empty()) {
            EXPECT_TRUE(mentions(s, sample.answer.reason)) << sample.dossier.rawStatus;
        }
        EXPECT_EQ(qrPayloads(s), std::vector<std::string>{sample.answer.followUrl});
    }
    // Overdue while the agency works (status 6 sample is the citizen's turn; make a late status 4).
    auto late = kiosk::test::statusSamples().at(3);
    late.dossier.due = ZonedTime{std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + std::chrono::hours{10},
                                 std::chrono::minutes{420}};
    AnswerContext ctx;
    ctx.now = kiosk::test::sampleNow().utc;
    ctx.followUrlTemplate = kiosk::test::kSampleFollowTemplate;
    const auto answer = answerFor(late.dossier, kiosk::test::vietnameseTable(), ctx);
    const Slip s = buildStatusSlip(answer, late.input);
    EXPECT_TRUE(mentions(s, "Đã quá hạn 3 ngày"));
    EXPECT_TRUE(mentions(s, answer.apology));
}

TEST(StatusSlipTest, QrCarriesTheFollowUrlOnly) {
    auto sample = kiosk::test::statusSamples().at(0);
    const Slip s = buildStatusSlip(sample.answer, sample.input);
    EXPECT_EQ(qrPayloads(s), std::vector<std::string>{"https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=" +
                                                      sample.dossier.code});
    sample.answer.followUrl.clear();  // no template: no QR, whatever the backend's URL was
    EXPECT_TRUE(qrPayloads(buildStatusSlip(sample.answer, sample.input)).empty());
}

TEST(StatusSlipTest, MaskedNameOnlyWhenConfigured) {
    auto sample = kiosk::test::statusSamples().at(3);
    EXPECT_FALSE(mentions(buildStatusSlip(sample.answer, sample.input), "Nguyễn V** A*"));
    sample.input.includeApplicant = true;
    EXPECT_TRUE(mentions(buildStatusSlip(sample.answer, sample.input), "Nguyễn V** A*"));
}

TEST(StatusSlipTest, EveryStatusRendersInsideThePaperWithoutClippedDiacritics) {
    const kiosk::test::NotoFonts fonts;
    const auto r2 = fonts.renderer();
    for (int width : {384, 576}) {
        for (const auto& sample : kiosk::test::statusSamples()) {
            auto input = sample.input;
            input.includeApplicant = true;
            auto r = r2.render(buildStatusSlip(sample.answer, input), {.paperWidthDots = width});
            ASSERT_TRUE(r) << r.error().message;
            ASSERT_FALSE(r->lines.empty());
            for (std::size_t i = 0; i < r->lines.size(); ++i) {
                const auto& line = r->lines[i];
                EXPECT_GE(line.box.x0, 0);
                EXPECT_LE(line.box.x1, width);
                for (std::size_t j = 0; j < i; ++j) {
                    const auto& o = r->lines[j].box;
                    const bool sameColumn = o.x0 < line.box.x1 && line.box.x0 < o.x1;
                    EXPECT_FALSE(sameColumn && o.y0 < line.box.y1 && line.box.y0 < o.y1)
                        << "status " << sample.dossier.rawStatus << ": lines " << j << " and " << i << " overlap";
                }
                for (const auto& g : line.glyphs) {
                    EXPECT_TRUE(line.box.contains(g)) << "status " << sample.dossier.rawStatus << " width " << width;
                    EXPECT_GE(g.x0, 0);
                    EXPECT_LE(g.x1, width);
                }
            }
            ASSERT_EQ(r->qrCodes.size(), 1u);
            EXPECT_GE(r->qrModuleDots, 4);
            EXPECT_LE(r->qrCodes[0].x1, width);
        }
    }
}

TEST(GuidanceSlipTest, NumbersStepsAndPrintsServiceQr) {
    GuidanceSlipInput in;
    in.title = "Cấp phiếu lý lịch tư pháp trực tuyến";
    in.steps = {"Đăng nhập Cổng Dịch vụ công quốc gia bằng VNeID", "Chọn thủ tục và điền tờ khai", "Thanh toán lệ phí"};
    in.documents = {"Căn cước công dân"};
    in.serviceUrl = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234";
    in.helpLine = "Tổng đài 1900 1234";
    in.officeName = "Bộ phận Một cửa";
    in.printedAt = kiosk::test::sampleNow();
    const Slip s = buildGuidanceSlip(in);
    EXPECT_TRUE(mentions(s, "1. Đăng nhập"));
    EXPECT_TRUE(mentions(s, "3. Thanh toán lệ phí"));
    EXPECT_TRUE(mentions(s, "• Căn cước công dân"));
    EXPECT_TRUE(mentions(s, "1900 1234"));
    EXPECT_EQ(qrPayloads(s), std::vector<std::string>{in.serviceUrl});
}

TEST(SlipFormatTest, DatesUseTheOfficeOffset) {
    using namespace std::chrono;
    // 2026-12-31 20:15 UTC is already 1 January in Viet Nam: one date formatter for screen and slip.
    const ZonedTime t{sys_days{2026y / December / 31} + 20h + 15min, minutes{420}};
    EXPECT_EQ(formatDate(t, Language::Vi), "01/01/2027");
    EXPECT_EQ(formatDateTime(t, Language::Vi), "03:15 01/01/2027");
}

// A citizen ID in the backend's URL, however written, never reaches the QR: the URL is the template
// with the code (kiosk/core/dossier/follow_url.hpp), the backend's URL is not used at all.
TEST(StatusSlipTest, CitizenIdNeverReachesTheQr) {
    for (const char* url : {"https://dvc.example.gov.vn/portaldvc/tra-cuu?SGT=001099012345&MHS=X",
                            "https://dvc.example.gov.vn/tra-cuu?CCCD=001.099.012.345&MHS=X",
                            "https://dvc.example.gov.vn/tra-cuu?%53GT=001099012345&MHS=X"}) {
        auto sample = kiosk::test::statusSamples().at(0);
        sample.dossier.publicLookupUrl = url;
        AnswerContext ctx;
        ctx.now = kiosk::test::sampleNow().utc;
        ctx.followUrlTemplate = kiosk::test::kSampleFollowTemplate;
        const auto answer = answerFor(sample.dossier, kiosk::test::vietnameseTable(), ctx);
        const auto qr = qrPayloads(buildStatusSlip(answer, sample.input));
        ASSERT_EQ(qr.size(), 1u);
        EXPECT_EQ(qr[0].find("099"), std::string::npos) << qr[0];
        EXPECT_EQ(qr[0], "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=" + sample.dossier.code);
    }
}
