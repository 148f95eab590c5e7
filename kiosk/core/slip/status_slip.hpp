#pragma once
// The dossier-status slip printed after a lookup. All wording arrives translated (the i18n module
// is the app's business), so this module only arranges it. No personal data goes on paper except
// the already-masked applicant name, and only when the office turns it on.

#include <string>

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/slip/slip.hpp"

namespace kiosk::core::slip {

/// Field labels; the defaults are the Vietnamese ones, the app overrides them from its string tables.
struct StatusSlipLabels {
    std::string title = "PHIẾU TRA CỨU HỒ SƠ";
    std::string code = "Mã hồ sơ";
    std::string procedure = "Thủ tục";
    std::string applicant = "Người nộp";
    std::string status = "Trạng thái";
    std::string nextStep = "Việc cần làm";
    std::string due = "Ngày hẹn trả";
    std::string pickup = "Nơi nhận kết quả";
    std::string qrCaption = "Quét mã để theo dõi hồ sơ trên điện thoại";
    std::string printedAt = "In lúc";
};

/// Everything the status slip shows besides the dossier itself.
struct StatusSlipInput {
    std::string statusTitle;   ///< e.g. "Đang xử lý"
    std::string nextStep;      ///< e.g. "Mang bản sao CCCD đến quầy số 3"
    std::string dueLine;       ///< e.g. "Còn 3 ngày" / "Quá hạn 2 ngày"
    std::string officeName;
    std::string lookupUrl;     ///< public lookup URL (dossier code only; an SGT= citizen ID parameter is dropped); falls back to the dossier's
    ZonedTime printedAt;
    bool includeApplicant = false;  ///< print Dossier::applicantMasked (off by default)
    StatusSlipLabels labels;
};

/// Builds the status slip: code, procedure, status and next step, appointment date with the due
/// line, pickup place, optional masked applicant, and a QR code of the lookup URL (omitted when no
/// URL is known).
Slip buildStatusSlip(const Dossier& dossier, const StatusSlipInput& input);

}  // namespace kiosk::core::slip
