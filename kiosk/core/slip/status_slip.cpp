#include "kiosk/core/slip/status_slip.hpp"

namespace kiosk::core::slip {

namespace {
// The texts of statuses 5 and 6 point at "the documents / amounts below": list them under the step.
std::string nextStepWithItems(const DossierAnswer& a) {
    std::string text = a.nextStep;
    if (a.status == DossierStatus::NeedsDocuments) {
        for (const std::string& doc : a.missingDocuments) text += "\n• " + doc;
    }
    if (a.status == DossierStatus::NeedsPayment) {
        for (const AnswerFee& fee : a.fees) {
            if (!fee.paid) text += "\n• " + fee.description + ": " + fee.amount;
        }
    }
    return text;
}
}  // namespace

Slip buildStatusSlip(const DossierAnswer& a, const StatusSlipInput& input) {
    const auto& l = input.labels;
    Slip slip;
    slip.title = l.title;
    slip.body.push_back(Separator{});
    // The code is what staff ask for at the counter: print it large on a line of its own.
    slip.body.push_back(TextBlock{l.code, TextSize::Small, Weight::Regular, Align::Center});
    slip.body.push_back(TextBlock{a.code, TextSize::Large, Weight::Bold, Align::Center, true});
    slip.body.push_back(Separator{true});
    if (!a.procedure.empty()) {
        slip.body.push_back(KeyValueRow{l.procedure, a.procedure, false});
    }
    if (input.includeApplicant && !a.applicant.empty()) {
        slip.body.push_back(KeyValueRow{l.applicant, a.applicant, false});
    }
    slip.body.push_back(KeyValueRow{l.status, a.headline, true});
    if (!a.dueLine.empty()) {
        slip.body.push_back(TextBlock{a.dueLine, TextSize::Normal, Weight::Bold, Align::Left});
    }
    if (!a.dueDate.empty()) {
        slip.body.push_back(KeyValueRow{l.due, a.dueDate, true});
    }
    if (!a.pickupDate.empty()) {
        slip.body.push_back(KeyValueRow{l.pickupDate, a.pickupDate, true});
    }
    if (!a.where.empty()) {
        slip.body.push_back(KeyValueRow{l.where, a.where, false});
    }
    if (a.currentStep) {
        slip.body.push_back(KeyValueRow{l.currentStep, a.currentStep->action, false});
    }
    if (!a.reason.empty()) {
        slip.body.push_back(KeyValueRow{l.reason, a.reason, false});
    }
    if (!a.instruction.empty()) {
        slip.body.push_back(KeyValueRow{l.note, a.instruction, false});
    }
    if (!a.nextStep.empty()) {
        slip.body.push_back(Separator{true});
        slip.body.push_back(TextBlock{l.nextStep, TextSize::Small, Weight::Bold, Align::Left});
        slip.body.push_back(TextBlock{nextStepWithItems(a), TextSize::Normal, Weight::Regular, Align::Left});
    }
    if (!a.apology.empty()) {
        slip.body.push_back(TextBlock{a.apology, TextSize::Small, Weight::Regular, Align::Left});
    }
    if (!a.followUrl.empty()) {
        slip.body.push_back(Spacer{6});
        slip.body.push_back(QrBlock{a.followUrl, l.qrCaption});
    }
    slip.footer = SlipFooter{input.officeName, input.officeAddress, input.printedAt, l.printedAt, a.language};
    return slip;
}

}  // namespace kiosk::core::slip
