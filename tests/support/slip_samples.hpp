#pragma once
// Test support shared by the slip unit tests, the printing integration tests and the benchmark:
// Noto Sans loaded from KIOSK_FONT_DIR, and one sample dossier per portal status with the
// Vietnamese texts the status slip would get from the i18n tables.

#include <chrono>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/dossier/dossier_answer.hpp"
#include "kiosk/core/i18n/string_table.hpp"
#include "kiosk/core/slip/slip_renderer.hpp"
#include "kiosk/core/slip/status_slip.hpp"

namespace kiosk::test {

inline std::vector<std::uint8_t> readFileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open " + path);
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Noto Sans Regular and Bold; the bytes live as long as the object (the renderer points into them).
struct NotoFonts {
    std::vector<std::uint8_t> regular = readFileBytes(std::string{KIOSK_FONT_DIR} + "/NotoSans-Regular.ttf");
    std::vector<std::uint8_t> bold = readFileBytes(std::string{KIOSK_FONT_DIR} + "/NotoSans-Bold.ttf");
    core::slip::SlipRenderer renderer() const {
        auto r = core::slip::SlipRenderer::create({regular, bold});
        if (!r) {
            throw std::runtime_error(r.error().message);
        }
        return *r;
    }
};

/// 2026-11-28 09:30 in Vietnam (+07:00).
inline core::ZonedTime sampleNow() {
    using namespace std::chrono;
    return core::ZonedTime{sys_days{2026y / November / 28} + 2h + 30min, minutes{420}};
}

struct StatusSample {
    core::Dossier dossier;
    core::DossierAnswer answer;  ///< the dossier worded by core with the real Vietnamese tables
    core::slip::StatusSlipInput input;
};

/// The Vietnamese string tables of the assets (status words, as the kiosk prints them).
inline const core::StringTable& vietnameseTable() {
    static const core::StringTable table = [] {
        auto loaded = core::loadStringTable(std::string{KIOSK_SOURCE_ASSETS_DIR} + "/i18n", core::Language::Vi);
        if (!loaded) {
            throw std::runtime_error(loaded.error().message);
        }
        return std::move(*loaded);
    }();
    return table;
}

/// The default follow-up URL template (office.public_lookup_url).
inline constexpr const char* kSampleFollowTemplate = "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS={code}";

/// One sample per portal status 1..10, with realistic Vietnamese data (long enough to wrap): the
/// answer is what core makes of it at sampleNow().
inline std::vector<StatusSample> statusSamples() {
    using namespace std::chrono;
    std::vector<StatusSample> out;
    for (int code = 1; code <= 10; ++code) {
        StatusSample s;
        auto& d = s.dossier;
        d.code = "000.00.06.H56-231027-03" + std::to_string(50 + code);
        d.procedureCode = "1.001234";
        d.procedureName = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam";
        d.agency = "Sở Tư pháp tỉnh Ninh Bình";
        d.applicantMasked = "Nguyễn V** A*";
        d.status = core::statusFromCode(code);
        d.rawStatus = code;
        d.received = core::ZonedTime{sys_days{2026y / November / 19} + 1h, minutes{420}};
        d.due = core::ZonedTime{sys_days{2026y / December / 3} + 10h, minutes{420}};
        if (code == 6) d.due = core::ZonedTime{sys_days{2026y / November / 26} + 10h, minutes{420}};  // 2 days late
        d.history = {{*d.received, "Bộ phận Một cửa", "Tiếp nhận hồ sơ", ""}};
        if (code == 3) d.history.back() = {*d.received, "Bộ phận Một cửa", "Từ chối tiếp nhận", "Hồ sơ thuộc thẩm quyền của UBND cấp xã"};
        if (code == 5) {
            d.missingDocuments = {{"Bản sao Giấy khai sinh", "bản sao có chứng thực"}, {"Căn cước công dân", "bản sao"}};
            d.backendNote = "Quầy số 2, giờ hành chính";
        }
        if (code == 6) d.fees = {{"Lệ phí cấp phiếu", 200000, false, "Nộp tại quầy thu", ""}};
        if (code >= 9) {
            d.finished = core::ZonedTime{sys_days{2026y / November / 27} + 9h, minutes{420}};
            d.pickup = core::Pickup{"Bộ phận Một cửa, tầng 1", "Quầy số 3",
                                    core::ZonedTime{sys_days{2026y / November / 28} + 1h, minutes{420}}};
        }
        d.publicLookupUrl = "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=" + d.code;
        core::AnswerContext ctx;
        ctx.now = sampleNow().utc;
        ctx.followUrlTemplate = kSampleFollowTemplate;
        s.answer = core::answerFor(d, vietnameseTable(), ctx);
        s.input.officeName = "Trung tâm Phục vụ hành chính công tỉnh Ninh Bình";
        s.input.printedAt = sampleNow();
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace kiosk::test
