#include "kiosk/app/services/slip_jobs.hpp"

#include <filesystem>

#include "kiosk/app/services/slip_fonts.hpp"
#include "kiosk/core/dossier/dossier_time.hpp"
#include "kiosk/core/slip/guidance_slip.hpp"
#include "kiosk/core/slip/raster.hpp"
#include "kiosk/core/slip/status_slip.hpp"

namespace kiosk::app {

namespace {

core::guidance::Language guidanceLanguage(core::Language language) {
    return language == core::Language::En ? core::guidance::Language::En : core::guidance::Language::Vi;
}

// RFC 3986 unreserved characters pass; anything else (a code is [0-9A-Z.-], but the template must not
// be broken by a stray '&' or space) is percent-encoded.
std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                                c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

// 1200000 -> "1.200.000 ₫" (vi) or "1,200,000 ₫" (en). kiosk/ui has the same for the screens; the
// print library does not link the UI (and its ImGui) for ten lines.
std::string formatVnd(std::int64_t amount, core::Language language) {
    std::string digits = std::to_string(amount < 0 ? -amount : amount);
    const char sep = language == core::Language::En ? ',' : '.';
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), 1, sep);
    return (amount < 0 ? "-" : "") + digits + " ₫";
}

// The status texts of 5 and 6 point at "the documents / amounts below": list them under the next step.
std::string nextStepWithItems(const core::Dossier& dossier, std::string text, core::Language language) {
    if (dossier.status == core::DossierStatus::NeedsDocuments) {
        for (const auto& m : dossier.missingDocuments) {
            text += "\n• " + m.name + (m.note.empty() ? "" : " (" + m.note + ")");
        }
    }
    if (dossier.status == core::DossierStatus::NeedsPayment) {
        for (const auto& f : dossier.fees) {
            if (!f.paid) text += "\n• " + f.description + ": " + formatVnd(f.amountVnd, language);
        }
    }
    return text;
}

// The line under the appointment date. Finished and cancelled dossiers say how they ended or nothing;
// a Done/Returned dossier without a finish time gets no line rather than a false "overdue".
std::string dueLine(const core::Dossier& dossier, const core::StringTable& t, core::ZonedTime now) {
    using core::DossierStatus;
    const core::DueState due = core::dueState(dossier, now.utc);
    switch (due.kind) {
        case core::DueKind::NoDueDate:
            if (dossier.due || dossier.status == DossierStatus::Rejected ||
                dossier.status == DossierStatus::WithdrawnByCitizen || dossier.status == DossierStatus::Stopped ||
                dossier.status == DossierStatus::Done || dossier.status == DossierStatus::Returned) {
                return {};
            }
            return t.text(core::dueTextKey(due.kind));
        case core::DueKind::OnTime:
        case core::DueKind::DueToday:
        case core::DueKind::Overdue:
            if (dossier.status == DossierStatus::Done || dossier.status == DossierStatus::Returned) return {};
            if (due.kind == core::DueKind::Overdue) {
                return t.format(core::dueTextKey(due.kind), {{"days", std::to_string(due.days)}}) + ". " +
                       t.text("status.due.overdue_apology");
            }
            return t.format(core::dueTextKey(due.kind), {{"days", std::to_string(due.days)}});
        case core::DueKind::FinishedOnTime:
        case core::DueKind::FinishedLate:
            return t.format(core::dueTextKey(due.kind), {{"days", std::to_string(due.days)}});
    }
    return {};
}

}  // namespace

core::Result<SlipMaker> SlipMaker::create(const core::Settings& settings, const std::string& fontDir) {
    auto fonts = loadSlipFonts(fontDir);
    if (!fonts) return std::unexpected(fonts.error());
    auto sharedFonts = std::make_shared<const SlipFonts>(std::move(*fonts));
    auto renderer = core::slip::SlipRenderer::create(sharedFonts->data());
    if (!renderer) return std::unexpected(renderer.error());
    const std::filesystem::path i18n = std::filesystem::path(settings.paths.assetsDir) / "i18n";
    auto vi = core::loadStringTable(i18n, core::Language::Vi);
    if (!vi) return std::unexpected(vi.error());
    auto en = core::loadStringTable(i18n, core::Language::En);
    if (!en) return std::unexpected(en.error());

    SlipMaker maker;
    maker.m_fonts = std::move(sharedFonts);
    maker.m_renderer = std::make_shared<const core::slip::SlipRenderer>(std::move(*renderer));
    maker.m_vi = std::make_shared<const core::StringTable>(std::move(*vi));
    maker.m_en = std::make_shared<const core::StringTable>(std::move(*en));
    maker.m_officeName = settings.office.name;
    maker.m_helpLine = settings.office.helpLine;
    maker.m_lookupTemplate = settings.office.publicLookupUrl;
    maker.m_widthDots = settings.printer.widthDots;
    maker.m_cut = settings.printer.cut;
    maker.m_printApplicantName = settings.printer.printApplicantName;
    return maker;
}

const core::StringTable& SlipMaker::strings(core::Language language) const {
    return language == core::Language::En ? *m_en : *m_vi;
}

std::string SlipMaker::lookupUrl(std::string_view code) const {
    if (m_lookupTemplate.empty()) return {};
    return core::substitute(m_lookupTemplate, {{"code", percentEncode(code)}});
}

core::Result<core::slip::RenderedSlip> SlipMaker::statusSlip(const core::Dossier& dossier, core::Language language,
                                                             core::ZonedTime now) const {
    const core::StringTable& t = strings(language);
    core::slip::StatusSlipInput in;
    in.statusTitle = t.text(core::statusTextKey(dossier.status, "title"));
    in.nextStep = nextStepWithItems(dossier, t.text(core::statusTextKey(dossier.status, "next")), language);
    in.dueLine = dueLine(dossier, t, now);
    in.officeName = m_officeName;
    in.lookupUrl = lookupUrl(dossier.code);  // empty: buildStatusSlip falls back to the backend's URL
    in.printedAt = now;
    in.includeApplicant = m_printApplicantName;
    auto& l = in.labels;
    l.title = t.text("slip.status.title");
    l.code = t.text("slip.status.code");
    l.procedure = t.text("slip.status.procedure");
    l.applicant = t.text("slip.status.applicant");
    l.status = t.text("slip.status.status");
    l.nextStep = t.text("slip.status.next_step");
    l.due = t.text("slip.status.due");
    l.pickup = t.text("slip.status.pickup");
    l.qrCaption = t.text("slip.status.qr_caption");
    l.printedAt = t.text("slip.printed_at");
    return m_renderer->render(core::slip::buildStatusSlip(dossier, in), {.paperWidthDots = m_widthDots});
}

core::Result<core::slip::RenderedSlip> SlipMaker::guidanceSlip(const core::guidance::GuidanceEntry& entry,
                                                               core::Language language, core::ZonedTime now) const {
    const core::StringTable& t = strings(language);
    const auto lang = guidanceLanguage(language);
    core::slip::GuidanceSlipInput in;
    in.title = entry.title.in(lang);
    in.steps = entry.steps.in(lang);
    in.documents = entry.documents.in(lang);
    in.serviceUrl = entry.url;
    in.helpLine = m_helpLine;
    in.officeName = m_officeName;
    in.printedAt = now;
    auto& l = in.labels;
    l.steps = t.text("guidance.slip.steps");
    l.documents = t.text("guidance.slip.documents");
    l.qrCaption = t.text("guidance.slip.scan");
    l.help = t.text("slip.guidance.help");
    l.printedAt = t.text("slip.printed_at");
    return m_renderer->render(core::slip::buildGuidanceSlip(in), {.paperWidthDots = m_widthDots});
}

std::vector<std::uint8_t> SlipMaker::escposJob(const core::slip::RenderedSlip& slip, bool nativeQr) const {
    return core::escpos::encodeSlipJob(slip, {.cut = m_cut, .nativeQr = nativeQr});
}

core::Result<std::vector<std::uint8_t>> SlipMaker::png(const core::slip::RenderedSlip& slip) {
    return core::slip::encodePng(slip.raster);
}

}  // namespace kiosk::app
