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
    core::slip::StatusSlipInput input;
};

/// One sample per portal status 1..10, with realistic Vietnamese wording (long enough to wrap).
inline std::vector<StatusSample> statusSamples() {
    using namespace std::chrono;
    struct Row {
        int code;
        const char* title;
        const char* next;
        const char* due;
    };
    const Row rows[] = {
        {1, "Mới đăng ký", "Chờ cán bộ kiểm tra hồ sơ; bạn chưa cần làm gì.", "Còn 5 ngày làm việc"},
        {2, "Được tiếp nhận", "Hồ sơ đã được tiếp nhận, đang chờ chuyển phòng chuyên môn.", "Còn 4 ngày làm việc"},
        {3, "Không được tiếp nhận", "Xem lý do tại quầy số 2 và nộp lại hồ sơ khi đủ giấy tờ.", ""},
        {4, "Đang xử lý", "Chưa cần làm gì. Hồ sơ đang được thẩm định tại Phòng Tư pháp.", "Còn 3 ngày làm việc"},
        {5, "Yêu cầu bổ sung giấy tờ", "Mang bản sao có chứng thực Giấy khai sinh và Căn cước công dân đến quầy số 3.",
         "Tạm dừng tính hạn"},
        {6, "Yêu cầu thực hiện nghĩa vụ tài chính", "Nộp lệ phí 200.000 ₫ tại quầy thu phí hoặc thanh toán trực tuyến.",
         "Quá hạn 2 ngày"},
        {7, "Công dân yêu cầu rút hồ sơ", "Nhận lại giấy tờ gốc tại quầy số 1.", ""},
        {8, "Dừng xử lý", "Liên hệ quầy hướng dẫn để biết lý do dừng xử lý.", ""},
        {9, "Đã xử lý xong", "Mang Giấy tiếp nhận hồ sơ đến quầy trả kết quả để nhận kết quả.", "Đúng hạn"},
        {10, "Đã trả kết quả", "Hồ sơ đã hoàn tất. Cảm ơn bạn đã sử dụng dịch vụ.", "Hoàn thành trước hạn 1 ngày"},
    };
    std::vector<StatusSample> out;
    for (const auto& r : rows) {
        StatusSample s;
        auto& d = s.dossier;
        d.code = "000.00.06.H56-231027-03" + std::to_string(50 + r.code);
        d.procedureCode = "1.001234";
        d.procedureName = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam";
        d.agency = "Sở Tư pháp tỉnh Ninh Bình";
        d.applicantMasked = "Nguyễn V** A*";
        d.status = core::statusFromCode(r.code);
        d.rawStatus = r.code;
        d.due = core::ZonedTime{sys_days{2026y / December / 3} + 10h, minutes{420}};
        d.pickup = core::Pickup{"Bộ phận Một cửa, tầng 1", "Quầy số 3", std::nullopt};
        d.publicLookupUrl = "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=" + d.code;
        s.input.statusTitle = r.title;
        s.input.nextStep = r.next;
        s.input.dueLine = r.due;
        s.input.officeName = "Trung tâm Phục vụ hành chính công tỉnh Ninh Bình";
        s.input.printedAt = sampleNow();
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace kiosk::test
