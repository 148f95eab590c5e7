#include "kiosk/app/services/slip_jobs.hpp"

#include <filesystem>

#include "kiosk/app/services/slip_fonts.hpp"
#include "kiosk/core/dossier/dossier_answer.hpp"
#include "kiosk/core/dossier/follow_url.hpp"
#include "kiosk/core/slip/guidance_slip.hpp"
#include "kiosk/core/slip/raster.hpp"
#include "kiosk/core/slip/status_slip.hpp"

namespace kiosk::app {

namespace {

}  // namespace

core::Result<SlipMaker> SlipMaker::create(const core::Settings& settings, core::TimeZone zone, const std::string& fontDir) {
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
    maker.m_officeAddress = settings.office.address;
    maker.m_helpLine = settings.office.helpLine;
    maker.m_lookupTemplate = settings.office.publicLookupUrl;
    maker.m_zone = std::move(zone);
    maker.m_widthDots = settings.printer.widthDots;
    maker.m_cut = settings.printer.cut;
    maker.m_printApplicantName = settings.printer.printApplicantName;
    return maker;
}

const core::StringTable& SlipMaker::strings(core::Language language) const {
    return language == core::Language::En ? *m_en : *m_vi;
}

std::string SlipMaker::lookupUrl(std::string_view code) const { return core::followUrl(m_lookupTemplate, code); }

core::Result<core::slip::RenderedSlip> SlipMaker::statusSlip(const core::Dossier& dossier, core::Language language,
                                                             core::ZonedTime now) const {
    const core::StringTable& t = strings(language);
    // The same answer the Result screen draws (core/dossier/dossier_answer.hpp): same words, same dates.
    const core::DossierAnswer answer =
        core::answerFor(dossier, t, core::AnswerContext{language, now.utc, m_zone, m_lookupTemplate});
    core::slip::StatusSlipInput in;
    in.officeName = m_officeName;
    in.officeAddress = m_officeAddress;
    in.printedAt = m_zone.at(now.utc);
    in.includeApplicant = m_printApplicantName;
    auto& l = in.labels;
    l.title = t.text("slip.status.title");
    l.code = t.text("slip.status.code");
    l.procedure = t.text("slip.status.procedure");
    l.applicant = t.text("slip.status.applicant");
    l.status = t.text("slip.status.status");
    l.nextStep = t.text("slip.status.next_step");
    l.due = t.text("slip.status.due");
    l.pickupDate = t.text("slip.status.pickup_date");
    l.where = t.text("slip.status.where");
    l.currentStep = t.text("slip.status.current_step");
    l.reason = t.text("slip.status.reason");
    l.note = t.text("slip.status.note");
    l.qrCaption = t.text("slip.status.qr_caption");
    l.printedAt = t.text("slip.printed_at");
    return m_renderer->render(core::slip::buildStatusSlip(answer, in), {.paperWidthDots = m_widthDots});
}

core::Result<core::slip::RenderedSlip> SlipMaker::guidanceSlip(const core::guidance::GuidanceEntry& entry,
                                                               core::Language language, core::ZonedTime now) const {
    const core::StringTable& t = strings(language);
    const core::Language lang = language;
    core::slip::GuidanceSlipInput in;
    in.title = entry.title.in(lang);
    in.steps = entry.steps.in(lang);
    in.documents = entry.documents.in(lang);
    in.fees = entry.fees.in(lang);
    in.processingTime = entry.processingTime.in(lang);
    in.serviceUrl = entry.url;
    in.helpLine = m_helpLine;
    in.officeName = m_officeName;
    in.officeAddress = m_officeAddress;
    in.printedAt = m_zone.at(now.utc);
    in.language = language;
    auto& l = in.labels;
    l.steps = t.text("guidance.slip.steps");
    l.documents = t.text("guidance.slip.documents");
    l.qrCaption = t.text("guidance.slip.scan");
    l.help = t.text("slip.guidance.help");
    l.fees = t.text("slip.guidance.fees");
    l.processingTime = t.text("slip.guidance.time");
    l.url = t.text("slip.guidance.url");
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
