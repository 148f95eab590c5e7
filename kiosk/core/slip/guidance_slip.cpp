#include "kiosk/core/slip/guidance_slip.hpp"

namespace kiosk::core::slip {

Slip buildGuidanceSlip(const GuidanceSlipInput& input) {
    const auto& l = input.labels;
    Slip slip;
    slip.title = input.title;
    if (!input.steps.empty()) {
        slip.body.push_back(Separator{});
        slip.body.push_back(TextBlock{l.steps, TextSize::Normal, Weight::Bold, Align::Left});
        int n = 1;
        for (const auto& step : input.steps) {
            slip.body.push_back(TextBlock{std::to_string(n++) + ". " + step, TextSize::Normal, Weight::Regular, Align::Left});
        }
    }
    if (!input.documents.empty()) {
        slip.body.push_back(Separator{true});
        slip.body.push_back(TextBlock{l.documents, TextSize::Normal, Weight::Bold, Align::Left});
        for (const auto& doc : input.documents) {
            slip.body.push_back(TextBlock{"• " + doc, TextSize::Normal, Weight::Regular, Align::Left});
        }
    }
    if (!input.fees.empty() || !input.processingTime.empty()) {
        slip.body.push_back(Separator{true});
        if (!input.fees.empty()) slip.body.push_back(KeyValueRow{l.fees, input.fees, false});
        if (!input.processingTime.empty()) slip.body.push_back(KeyValueRow{l.processingTime, input.processingTime, false});
    }
    if (!input.serviceUrl.empty()) {
        slip.body.push_back(Spacer{6});
        slip.body.push_back(QrBlock{input.serviceUrl, l.qrCaption});
        // Written out too: a phone without a QR reader, or a relative typing it at home.
        slip.body.push_back(TextBlock{l.url + ": " + input.serviceUrl, TextSize::Small, Weight::Regular, Align::Left});
    }
    if (!input.helpLine.empty()) {
        slip.body.push_back(TextBlock{l.help + ": " + input.helpLine, TextSize::Small, Weight::Bold, Align::Center});
    }
    slip.footer = SlipFooter{input.officeName, input.printedAt, l.printedAt, input.language};
    return slip;
}

}  // namespace kiosk::core::slip
