#include "kiosk/app/shell/screen_host.hpp"

#include <spdlog/spdlog.h>


#include "kiosk/core/dossier/dossier_time.hpp"
#include "kiosk/core/dossier/spoken_status.hpp"
#include "kiosk/ui/guidance_view_builder.hpp"
#include "kiosk/ui/result_view_builder.hpp"
#include "kiosk/ui/screens.hpp"

namespace kiosk::app {
namespace {

using Clock = std::chrono::steady_clock;

ui::PrintProgress progressOf(core::PrintStatus p) {
    switch (p) {
        case core::PrintStatus::Idle: return ui::PrintProgress::Idle;
        case core::PrintStatus::Printing: return ui::PrintProgress::Printing;
        case core::PrintStatus::Printed: return ui::PrintProgress::Printed;
        case core::PrintStatus::Failed: return ui::PrintProgress::Failed;
    }
    return ui::PrintProgress::Idle;
}

}  // namespace

std::string ScreenHost::clockText(std::chrono::sys_seconds wallNow, const core::TimeZone& zone) {
    return core::formatClock(zone.at(wallNow));
}

// The office's clock (office.time_zone), not the machine's: the slip prints the same time.
ui::Chrome ScreenHost::chrome(const ScreenInputs& in) {
    ui::Chrome c;
    c.text = &in.strings;
    c.officeName = in.settings.office.name;
    const core::ZonedTime now = in.services.timeZone().at(in.wallNow);
    c.clock = core::formatClock(now);
    c.date = in.strings.get("screens.date.weekday_" + std::to_string(core::weekdayIndex(now))) + ", " +
             core::formatDate(now, in.flow.language);
    c.language = in.flow.language;
    c.largeText = in.flow.largeText;
    c.showLanguageSwitch = in.settings.ui.showEnglishSwitch;
    c.highContrast = in.flow.highContrast;
    return c;
}

// What the Result screen is built with besides the dossier (printer, rating, speech, office zone).
ui::ResultOptions ScreenHost::resultOptions(const ScreenInputs& in) {
    const core::FlowState& s = in.flow;
    ui::ResultOptions o;
    o.now = in.wallNow;
    o.zone = in.services.timeZone();
    o.followUrlTemplate = in.settings.office.publicLookupUrl;
    o.printer = in.services.printerConfigured() &&
                (s.print != core::PrintStatus::Idle || !in.services.printerKnownUnavailable());
    o.printed = s.print == core::PrintStatus::Printed;
    if (s.ratingLevel) o.rating = static_cast<int>(*s.ratingLevel);
    o.speech = in.services.speechEnabled();
    o.speaking = in.services.speaking();
    return o;
}

std::optional<std::string> ScreenHost::spokenText(const ScreenInputs& in) {
    const core::FlowState& s = in.flow;
    if (s.screen == core::Screen::Result && s.dossier) {
        const ui::ResultView view = ui::buildResultView(*s.dossier, chrome(in), resultOptions(in));
        return core::spokenStatus(view.answer, in.strings.table());
    }
    if (s.screen == core::Screen::Problem) {
        return core::spokenProblem(s.error ? s.error->kind : core::LookupErrorKind::Offline, in.strings.table(),
                                   s.language);
    }
    return std::nullopt;
}

// Printing, printed, or why it failed, in the citizen's words ("" before Print was pressed).
std::string ScreenHost::printMessage(const ScreenInputs& in) {
    switch (in.flow.print) {
        case core::PrintStatus::Idle: return {};
        case core::PrintStatus::Printing:
        case core::PrintStatus::Printed: return in.strings.get(core::translationKey(in.flow.print));
        case core::PrintStatus::Failed:
            return in.strings.get(core::translationKey(in.flow.printFailure.value_or(core::PrintFailure::Io)));
    }
    return {};
}

std::optional<ui::UiEvent> ScreenHost::draw(const ScreenInputs& in) {
    const ui::Chrome c = chrome(in);
    const core::FlowState& s = in.flow;
    const std::string code = s.reading && std::holds_alternative<core::DossierCode>(*s.reading)
                                 ? std::get<core::DossierCode>(*s.reading).value
                                 : std::string();  // a token is never shown
    std::optional<ui::UiEvent> event;
    switch (s.screen) {
        case core::Screen::ManualEntry: event = ui::drawManualEntry(ui::ManualEntryView{c, s.typedSymbols}); break;
        case core::Screen::LookingUp: event = ui::drawLookingUp(ui::LookingUpView{c, code, in.lookupSeconds}); break;
        case core::Screen::Result:
            if (s.dossier) {
                ui::ResultView view = ui::buildResultView(*s.dossier, c, resultOptions(in));
                view.printMessage = printMessage(in);
                view.printFailed = s.print == core::PrintStatus::Failed;
                view.printBusy = s.print == core::PrintStatus::Printing ||
                                 (s.print == core::PrintStatus::Failed && in.services.printerKnownUnavailable());
                event = ui::drawResult(view);
            }
            break;
        case core::Screen::NotFound: event = ui::drawNotFound(ui::NotFoundView{c, code}); break;
        case core::Screen::InvalidCode:
            event = ui::drawInvalidCode(
                ui::InvalidCodeView{c, s.invalidReason ? std::string(core::toString(*s.invalidReason)) : std::string()});
            break;
        case core::Screen::Problem:
            event = ui::drawProblem(ui::ProblemView{c, s.error ? s.error->kind : core::LookupErrorKind::Offline,
                                                    in.services.speechEnabled(), in.services.speaking()});
            break;
        case core::Screen::Guidance:
            if (in.guidance != nullptr) {
                event = drawGuidance(in, c);
                break;
            }
            [[fallthrough]];  // not reachable: the guide button is hidden without a catalog
        case core::Screen::Attract:
        case core::Screen::StaffPin:   // not reachable: KioskShell draws these with StaffScreens
        case core::Screen::StaffMenu:
        case core::Screen::Setup: {
            ui::AttractView view;
            view.chrome = c;
            view.guideAvailable = in.guidance != nullptr;
            view.cameraAvailable = in.services.cameraWorking();
            view.cameraPlace = in.settings.ui.cameraPosition;
            if (in.preview.texture().id() != nullptr) {
                view.previewTexture = in.preview.texture().id();
                view.previewWidth = in.preview.texture().width();
                view.previewHeight = in.preview.texture().height();
                view.detectedOutline = in.preview.outline();
            }
            event = ui::drawAttract(view);
            break;
        }
    }
    if (in.idleSecondsShown >= 0) {
        // The overlay is drawn last, on top, and takes the touches.
        return ui::drawIdleWarning(ui::IdleWarningView{c, in.idleSecondsShown});
    }
    return event;
}

// The page FlowState::guidance names. Views are rebuilt every frame like the others; the search
// answers within the frame (docs/ui.md has the figures).
std::optional<ui::UiEvent> ScreenHost::drawGuidance(const ScreenInputs& in, const ui::Chrome& c) {
    const core::guidance::GuidanceLibrary& library = *in.guidance;
    const core::GuidanceState& g = in.flow.guidance;
    switch (g.page) {
        case core::GuidancePage::Home: return ui::drawGuidanceHome(ui::buildGuidanceHomeView(library, c, g.category));
        case core::GuidancePage::Search: {
            const auto started = Clock::now();
            ui::GuidanceSearchView view = ui::buildGuidanceSearchView(library, c, g.query);
            if (g.query != m_guideQueryTimed) {  // SPDLOG_LEVEL=debug: the cost of a search, once per query
                m_guideQueryTimed = g.query;
                spdlog::debug("guidance search: {} bytes, {} results, {:.2f} ms", g.query.size(), view.results.size(),
                              std::chrono::duration<double, std::milli>(Clock::now() - started).count());
            }
            return ui::drawGuidanceSearch(view);
        }
        case core::GuidancePage::Detail: {
            const core::guidance::GuidanceEntry* entry = library.find(g.entryId);
            if (entry == nullptr) {
                return ui::UiEvent{ui::act::Back{}};  // an id from a row of another catalog: never shown
            }
            const core::PrintStatus p = in.flow.print;
            const bool printer = in.services.printerConfigured() &&
                                 (p != core::PrintStatus::Idle || !in.services.printerKnownUnavailable());
            return ui::drawGuidanceDetail(
                ui::buildGuidanceDetailView(*entry, library.catalog(), c, printer, progressOf(p)));
        }
    }
    return std::nullopt;
}

}  // namespace kiosk::app
