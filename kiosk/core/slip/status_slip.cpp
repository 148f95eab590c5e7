#include "kiosk/core/slip/status_slip.hpp"

namespace kiosk::core::slip {

namespace {
// Receipt URLs from some portals carry the citizen ID number as SGT=...; it must never reach paper
// (DESIGN.md), so the parameter is dropped here too, whatever the caller passed.
std::string withoutCitizenId(const std::string& url) {
    const auto q = url.find('?');
    if (q == std::string::npos) return url;
    std::string out = url.substr(0, q);
    std::string query;
    std::size_t start = q + 1;
    while (start <= url.size()) {
        std::size_t end = url.find_first_of("&#", start);
        if (end == std::string::npos) end = url.size();
        const std::string param = url.substr(start, end - start);
        std::string name = param.substr(0, param.find('='));
        for (auto& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
        if (!param.empty() && name != "SGT") {
            query += (query.empty() ? "" : "&") + param;
        }
        if (end < url.size() && url[end] == '#') {
            return out + (query.empty() ? "" : "?" + query) + url.substr(end);
        }
        start = end + 1;
    }
    return out + (query.empty() ? "" : "?" + query);
}
}  // namespace

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
    const std::string url = withoutCitizenId(input.lookupUrl.empty() ? dossier.publicLookupUrl : input.lookupUrl);
    if (!url.empty()) {
        slip.body.push_back(Spacer{6});
        slip.body.push_back(QrBlock{url, l.qrCaption});
    }
    slip.footer = SlipFooter{input.officeName, input.printedAt, l.printedAt};
    return slip;
}

}  // namespace kiosk::core::slip
