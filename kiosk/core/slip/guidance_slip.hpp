#pragma once
// Guidance slip: how to do a common procedure online next time. Content comes from the guidance
// catalog (another module), already in the chosen language.

#include <string>
#include <vector>

#include "kiosk/core/slip/slip.hpp"

namespace kiosk::core::slip {

/// Section labels; defaults are Vietnamese, the app overrides them from its string tables.
struct GuidanceSlipLabels {
    std::string steps = "Các bước thực hiện";
    std::string documents = "Giấy tờ cần chuẩn bị";
    std::string qrCaption = "Quét mã để làm thủ tục trực tuyến";
    std::string help = "Cần hỗ trợ";
    std::string fees = "Phí, lệ phí";
    std::string processingTime = "Thời gian giải quyết";
    std::string url = "Địa chỉ trang dịch vụ";
    std::string printedAt = "In lúc";
};

struct GuidanceSlipInput {
    std::string title;                   ///< procedure or topic, e.g. "Cấp phiếu lý lịch tư pháp"
    std::vector<std::string> steps;      ///< short steps, numbered on the slip
    std::vector<std::string> documents;  ///< papers to prepare, bulleted
    std::string fees;                    ///< what it costs (procedures; empty for guides)
    std::string processingTime;          ///< usual processing time (procedures; empty for guides)
    std::string serviceUrl;              ///< online service page; printed written out and as a QR code
    std::string helpLine;                ///< e.g. "Tổng đài 1900 xxxx" (an office line, never a person)
    std::string officeName;
    std::string officeAddress;           ///< office.address (may be empty)
    ZonedTime printedAt;
    Language language = Language::Vi;
    GuidanceSlipLabels labels;
};

/// Builds the guidance slip: title, numbered steps, documents, fee and processing time, the service
/// URL written out and as a QR code, help line.
Slip buildGuidanceSlip(const GuidanceSlipInput& input);

}  // namespace kiosk::core::slip
