#pragma once
// The dossier-status slip printed after a lookup: the citizen's answer on paper. Its words are the
// screen's (kiosk/core/dossier/dossier_answer.hpp: same headline, same overdue wording, same dates,
// same follow-up URL), so paper and screen never disagree. No personal data goes on paper except
// the already-masked applicant name, and only when the office turns it on.

#include <string>

#include "kiosk/core/dossier/dossier_answer.hpp"
#include "kiosk/core/slip/slip.hpp"

namespace kiosk::core::slip {

/// Field labels; the defaults are the Vietnamese ones, the app overrides them from its string tables.
struct StatusSlipLabels {
    std::string title = "PHIẾU TÌNH TRẠNG HỒ SƠ";
    std::string code = "Mã hồ sơ";
    std::string procedure = "Thủ tục";
    std::string applicant = "Người nộp";
    std::string status = "Trạng thái";
    std::string nextStep = "Việc cần làm";
    std::string due = "Ngày hẹn trả";
    std::string pickupDate = "Nhận kết quả từ ngày";
    std::string where = "Nơi liên hệ";
    std::string currentStep = "Bước hiện tại";
    std::string reason = "Lý do";
    std::string note = "Ghi chú của cơ quan";
    std::string qrCaption = "Quét mã để theo dõi hồ sơ trên điện thoại";
    std::string printedAt = "In lúc";
};

/// Everything the status slip shows besides the answer itself.
struct StatusSlipInput {
    std::string officeName;
    std::string officeAddress;  ///< office.address (may be empty)
    ZonedTime printedAt;        ///< at the office's zone
    bool includeApplicant = false;  ///< print the masked applicant name (off by default)
    StatusSlipLabels labels;
};

/// Builds the status slip: code, procedure, status headline with the due line (days left / overdue,
/// as on screen), the appointment date and the pickup date, each labelled, where to go, the current
/// step, the reason of a refusal, the agency's note, what to do (with the missing documents and unpaid
/// fees), the apology when the agency is late, optional masked applicant, and a QR code of the
/// follow-up URL (omitted when there is none).
Slip buildStatusSlip(const DossierAnswer& answer, const StatusSlipInput& input);

}  // namespace kiosk::core::slip
