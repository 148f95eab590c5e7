#include "kiosk/core/slip/guidance_slip.hpp"

#include <utility>

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
    // Fee and processing time under their own headings: too long for a key/value row on 58 mm.
    for (const auto& [label, text] : {std::pair{&l.fees, &input.fees}, std::pair{&l.processingTime, &input.processingTime}}) {
        if (text->empty()) continue;
        slip.body.push_back(Separator{true});
        slip.body.push_back(TextBlock{*label, TextSize::Normal, Weight::Bold, Align::Left});
        slip.body.push_back(TextBlock{*text, TextSize::Small, Weight::Regular, Align::Left});
    }
    if (!input.serviceUrl.empty()) {
        slip.body.push_back(Spacer{6});
        slip.body.push_back(QrBlock{input.serviceUrl, l.qrCaption});
        // Written out too: a phone without a QR reader, or a relative typing it at home.
        slip.body.push_back(TextBlock{l.url + ":\n" + input.serviceUrl, TextSize::Small, Weight::Regular, Align::Center});
    }
    if (!input.helpLine.empty()) {
        slip.body.push_back(TextBlock{l.help + ": " + input.helpLine, TextSize::Small, Weight::Bold, Align::Center});
    }
    slip.footer = SlipFooter{input.officeName, input.officeAddress, input.printedAt, l.printedAt, input.language};
    return slip;
}

}  // namespace kiosk::core::slip
