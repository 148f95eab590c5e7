#pragma once
// Sample dossiers for the headless screen tests and the screenshot gallery: realistic procedures,
// codes and histories for each kind of status. Applicant names are already masked, as core masks
// them before the UI sees anything.

#include <chrono>
#include <string>
#include <vector>

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::test {

inline core::ZonedTime vnTime(int y, unsigned m, unsigned d, int hh = 8, int mm = 0) {
    using namespace std::chrono;
    const local_seconds local = local_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm};
    return core::ZonedTime{sys_seconds{local.time_since_epoch() - hours{7}}, minutes{7 * 60}};
}

/// "Now" for every fixture: 28/11/2026 09:30 in Vietnam.
inline std::chrono::sys_seconds fixtureNow() { return vnTime(2026, 11, 28, 9, 30).utc; }

/// The header of every screen test and the gallery: the office (a proper name, not translated) at
/// fixtureNow, Saturday 28/11/2026 09:30, the weekday in `strings`' language.
inline ui::Chrome sampleChrome(const ui::Strings& strings, ui::Language language, bool largeText = false,
                               bool highContrast = false) {
    ui::Chrome chrome;
    chrome.text = &strings;
    chrome.officeName = "Trung tâm Phục vụ hành chính công tỉnh Quảng Nam";
    chrome.clock = "09:30";
    chrome.date = strings.get("screens.date.weekday_6") + ", 28/11/2026";
    chrome.language = language;
    chrome.largeText = largeText;
    chrome.highContrast = highContrast;
    return chrome;
}

inline core::Dossier processingDossier() {
    core::Dossier d;
    d.code = "000.00.06.H56-261120-0361";
    d.procedureCode = "1.001612";
    d.procedureName = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam";
    d.agency = "Sở Tư pháp tỉnh Quảng Nam";
    d.applicantMasked = "Nguyễn V** A*";
    d.status = core::DossierStatus::Processing;
    d.rawStatus = 4;
    d.received = vnTime(2026, 11, 20, 8, 15);
    d.due = vnTime(2026, 12, 2, 17, 0);
    d.history = {
        {vnTime(2026, 11, 20, 8, 15), "Bộ phận Một cửa", "Tiếp nhận hồ sơ", ""},
        {vnTime(2026, 11, 20, 14, 2), "Bộ phận Một cửa", "Chuyển hồ sơ đến phòng chuyên môn", ""},
        {vnTime(2026, 11, 23, 9, 40), "Phòng Hành chính tư pháp", "Đang thẩm định hồ sơ", "Đã gửi văn bản xác minh tới Công an tỉnh"},
    };
    d.pickup = core::Pickup{"Bộ phận Một cửa, tầng 1", "Quầy số 3", vnTime(2026, 12, 2, 8, 0)};
    d.resultDelivery = "Nhận trực tiếp tại quầy hoặc qua bưu điện";
    d.publicLookupUrl = "https://dichvucong.quangnam.gov.vn/portaldvc/tra-cuu?MHS=000.00.06.H56-261120-0361";
    return d;
}

inline core::Dossier needsDocumentsDossier() {
    core::Dossier d = processingDossier();
    d.code = "000.17.22.H56-261105-0012";
    d.procedureName = "Đăng ký thành lập hộ kinh doanh";
    d.agency = "Phòng Tài chính - Kế hoạch huyện Đại Lộc";
    d.applicantMasked = "Trần T** B***";
    d.status = core::DossierStatus::NeedsDocuments;
    d.rawStatus = 5;
    d.received = vnTime(2026, 11, 5, 10, 5);
    d.due = vnTime(2026, 11, 25, 17, 0);  // overdue by 3 days
    d.history = {
        {vnTime(2026, 11, 5, 10, 5), "Bộ phận Một cửa", "Tiếp nhận hồ sơ", ""},
        {vnTime(2026, 11, 6, 15, 30), "Phòng Tài chính - Kế hoạch", "Yêu cầu bổ sung giấy tờ", "Thiếu bản sao hợp đồng thuê địa điểm kinh doanh"},
    };
    d.missingDocuments = {{"Hợp đồng thuê địa điểm kinh doanh", "bản sao có chứng thực"},
                          {"Giấy ủy quyền cho người nộp hồ sơ", ""}};
    d.publicLookupUrl = "https://dichvucong.quangnam.gov.vn/portaldvc/tra-cuu?MHS=000.17.22.H56-261105-0012";
    return d;
}

inline core::Dossier needsPaymentDossier() {
    core::Dossier d = processingDossier();
    d.code = "000.00.04.H40-261118-0002";
    d.procedureName = "Cấp giấy chứng nhận quyền sử dụng đất lần đầu";
    d.agency = "Văn phòng Đăng ký đất đai tỉnh";
    d.applicantMasked = "Lê Đ** C****";
    d.status = core::DossierStatus::NeedsPayment;
    d.rawStatus = 6;
    d.received = vnTime(2026, 11, 18, 9, 0);
    d.due = vnTime(2026, 12, 18, 17, 0);
    d.fees = {{"Lệ phí cấp giấy chứng nhận", 100000, false, "Nộp tại quầy số 5 hoặc chuyển khoản theo thông báo thuế", ""},
              {"Lệ phí trước bạ", 1200000, false, "Nộp tại Kho bạc Nhà nước hoặc qua Cổng dịch vụ công", ""}};
    d.publicLookupUrl = "https://dichvucong.quangnam.gov.vn/portaldvc/tra-cuu?MHS=000.00.04.H40-261118-0002";
    return d;
}

inline core::Dossier doneDossier() {
    core::Dossier d = processingDossier();
    d.status = core::DossierStatus::Done;
    d.rawStatus = 9;
    d.finished = vnTime(2026, 11, 27, 16, 0);
    d.history.push_back({vnTime(2026, 11, 27, 16, 0), "Phòng Hành chính tư pháp", "Đã ký Phiếu lý lịch tư pháp", ""});
    d.history.push_back({vnTime(2026, 11, 27, 16, 45), "Bộ phận Một cửa", "Kết quả đã chuyển về quầy trả kết quả", ""});
    d.pickup = core::Pickup{"Bộ phận Một cửa, tầng 1", "Quầy số 3", vnTime(2026, 11, 28, 8, 0)};
    return d;
}

/// Processing, past its appointment date (27/11) while the agency works: the agency is late.
inline core::Dossier overdueDossier() {
    core::Dossier d = processingDossier();
    d.code = "000.00.06.H56-261103-0214";
    d.received = vnTime(2026, 11, 3, 9, 10);
    d.due = vnTime(2026, 11, 25, 17, 0);
    d.history = {
        {vnTime(2026, 11, 3, 9, 10), "Bộ phận Một cửa", "Tiếp nhận hồ sơ", ""},
        {vnTime(2026, 11, 4, 10, 0), "Phòng Hành chính tư pháp", "Đang thẩm định hồ sơ", "Chờ kết quả xác minh của Công an tỉnh"},
    };
    d.publicLookupUrl.clear();
    return d;
}

/// The result handed over: nothing more to do.
inline core::Dossier returnedDossier() {
    core::Dossier d = processingDossier();
    d.status = core::DossierStatus::Returned;
    d.rawStatus = 10;
    d.finished = vnTime(2026, 11, 27, 16, 0);
    d.history.push_back({vnTime(2026, 11, 27, 16, 0), "Phòng Hành chính tư pháp", "Đã ký Phiếu lý lịch tư pháp", ""});
    d.history.push_back({vnTime(2026, 11, 28, 8, 20), "Bộ phận Một cửa", "Trả kết quả cho công dân", ""});
    return d;
}

inline core::Dossier stoppedDossier() {
    core::Dossier d = processingDossier();
    d.code = "000.00.06.H56-261001-0107";
    d.status = core::DossierStatus::Rejected;
    d.rawStatus = 3;
    d.received = vnTime(2026, 10, 1, 8, 15);
    d.due.reset();
    d.pickup.reset();
    d.history = {{vnTime(2026, 10, 1, 8, 30), "Bộ phận Một cửa", "Từ chối tiếp nhận hồ sơ", "Hồ sơ thuộc thẩm quyền của UBND cấp xã"}};
    d.backendNote = "Xin nộp hồ sơ tại Bộ phận Một cửa UBND xã nơi cư trú.";
    return d;
}

}  // namespace kiosk::test
