#include "kiosk/core/slip/status_slip.hpp"

namespace kiosk::core::slip {

Slip buildStatusSlip(const Dossier& dossier, const StatusSlipInput& input) {
    const auto& l = input.labels;
    Slip slip;
    slip.title = l.title;
    slip.body.push_back(Separator{});
    // The code is what staff ask for at the counter: print it large on a line of its own.
    slip.body.push_back(TextBlock{l.code, TextSize::Small, Weight::Regular, Align::Center});
    slip.body.push_back(TextBlock{dossier.code, TextSize::Large, Weight::Bold, Align::Center, true});
    slip.body.push_back(Separator{true});
    if (!dossier.procedureName.empty()) {
        slip.body.push_back(KeyValueRow{l.procedure, dossier.procedureName, false});
    }
    if (input.includeApplicant && !dossier.applicantMasked.empty()) {
        slip.body.push_back(KeyValueRow{l.applicant, dossier.applicantMasked, false});
    }
    slip.body.push_back(KeyValueRow{l.status, input.statusTitle, true});
    if (dossier.due) {
        std::string due = formatDate(*dossier.due);
        slip.body.push_back(KeyValueRow{l.due, due, true});
    }
    if (!input.dueLine.empty()) {
        slip.body.push_back(TextBlock{input.dueLine, TextSize::Normal, Weight::Bold, Align::Left});
    }
    if (dossier.pickup) {
        std::string where = dossier.pickup->place;
        if (!dossier.pickup->counter.empty()) {
            where += where.empty() ? "" : ", ";
            where += dossier.pickup->counter;
        }
        if (dossier.pickup->from) {
            where += where.empty() ? "" : " ";
            where += "(" + formatDate(*dossier.pickup->from) + ")";
        }
        if (!where.empty()) {
            slip.body.push_back(KeyValueRow{l.pickup, where, false});
        }
    }
    if (!input.nextStep.empty()) {
        slip.body.push_back(Separator{true});
        slip.body.push_back(TextBlock{l.nextStep, TextSize::Small, Weight::Bold, Align::Left});
        slip.body.push_back(TextBlock{input.nextStep, TextSize::Normal, Weight::Regular, Align::Left});
    }
    const std::string& url = input.lookupUrl.empty() ? dossier.publicLookupUrl : input.lookupUrl;
    if (!url.empty()) {
        slip.body.push_back(Spacer{6});
        slip.body.push_back(QrBlock{url, l.qrCaption});
    }
    slip.footer = SlipFooter{input.officeName, input.printedAt, l.printedAt};
    return slip;
}

}  // namespace kiosk::core::slip
